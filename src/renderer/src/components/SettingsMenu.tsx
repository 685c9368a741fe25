/** The editor's settings menu in the status bar: Vim keys, spell checking, distraction-free mode. */
import { useEffect, useRef, useState } from 'react'
import type { EditorSettings } from './useEditorSettings'

/** Languages offered for spell checking ('' follows the system). */
const languages: { tag: string; name: string }[] = [
  { tag: '', name: 'System language' },
  { tag: 'en-US', name: 'English (US)' },
  { tag: 'en-GB', name: 'English (UK)' },
  { tag: 'de', name: 'Deutsch' },
  { tag: 'es', name: 'Español' },
  { tag: 'fr', name: 'Français' },
  { tag: 'it', name: 'Italiano' },
  { tag: 'nl', name: 'Nederlands' },
  { tag: 'pt', name: 'Português' },
  { tag: 'sv', name: 'Svenska' },
]

/** Props: the settings, and the distraction-free mode with its toggle. */
export interface SettingsMenuProps {
  settings: EditorSettings
  distractionFree: boolean
  onDistractionFree: () => void
}

/** A button that opens the settings popover above the status bar. */
export function SettingsMenu({ settings, distractionFree, onDistractionFree }: SettingsMenuProps) {
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const away = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', away)
    return () => document.removeEventListener('mousedown', away)
  }, [open])
  return (
    <div className="settings-menu" ref={ref}>
      <button
        type="button"
        className={distractionFree ? 'status-toggle on' : 'status-toggle'}
        aria-pressed={distractionFree}
        data-testid="distraction-free-toggle"
        title="Distraction-free: only the editor, full screen (Escape leaves)"
        onClick={onDistractionFree}
      >
        Full screen
      </button>
      <button
        type="button"
        className={open ? 'status-toggle on' : 'status-toggle'}
        aria-expanded={open}
        data-testid="settings-button"
        onClick={() => setOpen(!open)}
      >
        Settings
      </button>
      {open && (
        <div
          className="settings-popover"
          role="dialog"
          aria-label="Editor settings"
          data-testid="settings-menu"
        >
          <label className="settings-row">
            <input
              type="checkbox"
              data-testid="setting-vim"
              checked={settings.vim}
              onChange={(event) => settings.setVim(event.target.checked)}
            />
            Vim keys
          </label>
          <label className="settings-row">
            <input
              type="checkbox"
              data-testid="setting-spellcheck"
              checked={settings.spellCheck}
              onChange={(event) => settings.setSpellCheck(event.target.checked)}
            />
            Check spelling
          </label>
          <label className="settings-row column">
            <span>Spelling language</span>
            <select
              data-testid="setting-spell-language"
              value={settings.spellLanguage}
              disabled={!settings.spellCheck}
              onChange={(event) => settings.setSpellLanguage(event.target.value)}
            >
              {languages.map((language) => (
                <option key={language.tag} value={language.tag}>
                  {language.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </div>
  )
}
