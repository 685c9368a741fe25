/** The app's light/dark theme: follows the OS until the author picks one, remembered per browser. */
import { useEffect, useState } from 'react'

type Scheme = 'light' | 'dark'

function systemScheme(): Scheme {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

/** Returns the effective scheme and a toggle; sets `data-theme` on the root element. */
export function useColorScheme(): [Scheme, () => void] {
  const [chosen, setChosen] = useState<Scheme | null>(
    () => (localStorage.getItem('folio.theme') as Scheme | null) ?? null,
  )
  const [system, setSystem] = useState<Scheme>(systemScheme)
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)')
    const onChange = () => setSystem(systemScheme())
    query.addEventListener('change', onChange)
    return () => query.removeEventListener('change', onChange)
  }, [])
  const scheme = chosen ?? system
  useEffect(() => {
    document.documentElement.dataset.theme = scheme
  }, [scheme])
  const toggle = () => {
    const next: Scheme = scheme === 'dark' ? 'light' : 'dark'
    localStorage.setItem('folio.theme', next)
    setChosen(next)
  }
  return [scheme, toggle]
}
