/**
 * Distraction-free writing: every pane but the editor hidden and the window in full screen.
 * Leaving full screen (Escape, F11) leaves the mode too.
 */
import { useCallback, useEffect, useState } from 'react'

/** Whether the mode is on, and the toggle. */
export function useDistractionFree(onError: (err: unknown) => void): [boolean, () => void] {
  const [on, setOn] = useState(false)
  useEffect(() => {
    document.documentElement.toggleAttribute('data-distraction-free', on)
  }, [on])
  useEffect(() => {
    const changed = () => {
      if (!document.fullscreenElement) setOn(false)
    }
    // Escape leaves the mode, as it leaves the browser's full screen.
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !document.documentElement.hasAttribute('data-distraction-free'))
        return
      setOn(false)
      if (document.fullscreenElement) document.exitFullscreen().catch(onError)
    }
    document.addEventListener('fullscreenchange', changed)
    document.addEventListener('keydown', escape)
    return () => {
      document.removeEventListener('fullscreenchange', changed)
      document.removeEventListener('keydown', escape)
    }
  }, [onError])
  const toggle = useCallback(() => {
    if (on) {
      setOn(false)
      if (document.fullscreenElement) document.exitFullscreen().catch(onError)
      return
    }
    setOn(true)
    // NOTE: a browser may refuse full screen (no user gesture, a kiosk); the panes still hide.
    document.documentElement.requestFullscreen?.().catch((err: unknown) => {
      if (!(err instanceof TypeError)) onError(err)
    })
  }, [on, onError])
  return [on, toggle]
}
