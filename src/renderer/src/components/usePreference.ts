/** Preferences of this window, remembered in local storage under `folio.<key>`. */
import { useState } from 'react'

/** Returns the stored value (or `initial`) and a setter that also stores it. */
export function usePreference(key: string, initial: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState<boolean>(() => {
    const stored = localStorage.getItem(`folio.${key}`)
    return stored === null ? initial : stored === 'true'
  })
  const set = (next: boolean) => {
    localStorage.setItem(`folio.${key}`, String(next))
    setValue(next)
  }
  return [value, set]
}

/** Like `usePreference`, for a text value (a language tag, a name). */
export function useTextPreference(key: string, initial: string): [string, (value: string) => void] {
  const [value, setValue] = useState<string>(() => localStorage.getItem(`folio.${key}`) ?? initial)
  const set = (next: string) => {
    localStorage.setItem(`folio.${key}`, next)
    setValue(next)
  }
  return [value, set]
}
