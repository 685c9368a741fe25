/**
 * The editor settings an author switches at runtime (Vim keys, spell checking and its language):
 * stored as preferences, built into every new editor state, and reconfigured in open ones.
 */
import { useEffect, useMemo, useRef } from 'react'
import type { Extension } from '@codemirror/state'
import { spellCheck, spellCheckCompartment } from '../editor/spellCheck'
import { vimCompartment, vimKeys } from '../editor/vimKeys'
import type { EditorSession } from '../state/editorSession'
import { usePreference, useTextPreference } from './usePreference'

/** The settings and their setters, as the settings menu shows them. */
export interface EditorSettings {
  vim: boolean
  setVim: (on: boolean) => void
  spellCheck: boolean
  setSpellCheck: (on: boolean) => void
  spellLanguage: string
  setSpellLanguage: (language: string) => void
}

/** The settings, and the extensions a new editor state starts with (always the current ones). */
export function useEditorSettings(): { settings: EditorSettings; extensions: () => Extension[] } {
  const [vim, setVim] = usePreference('vimKeys', false)
  const [spell, setSpell] = usePreference('spellCheck', true)
  const [language, setLanguage] = useTextPreference('spellLanguage', '')
  const current = useRef({ vim, spell, language })
  current.current = { vim, spell, language }
  const extensions = useMemo(
    () => () => [
      vimCompartment.of(vimKeys(current.current.vim)),
      spellCheckCompartment.of(
        spellCheck({ enabled: current.current.spell, language: current.current.language }),
      ),
    ],
    [],
  )
  return {
    settings: {
      vim,
      setVim,
      spellCheck: spell,
      setSpellCheck: setSpell,
      spellLanguage: language,
      setSpellLanguage: setLanguage,
    },
    extensions,
  }
}

/** Applies changed settings to every open article's editor. */
export function useApplyEditorSettings(session: EditorSession, settings: EditorSettings): void {
  const { vim, spellCheck: enabled, spellLanguage: language } = settings
  useEffect(() => {
    session.reconfigureAll([
      vimCompartment.reconfigure(vimKeys(vim)),
      spellCheckCompartment.reconfigure(spellCheck({ enabled, language })),
    ])
  }, [session, vim, enabled, language])
}
