/**
 * The browser's spell checker on the editor text, in the language the author chose. The desktop
 * app reads the same stored preference to set Chromium's spellchecker languages.
 */
import { Compartment, Prec } from '@codemirror/state'
import type { Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'

/** The author's spell checking preference. */
export interface SpellCheckSetting {
  enabled: boolean
  /** BCP 47 language tag, e.g. `en-GB`; '' for the browser's default. */
  language: string
}

/** Holds the spell check attributes in every article's editor state. */
export const spellCheckCompartment = new Compartment()

/** Sets `spellcheck` and `lang` on the editor content (overriding the setup's default). */
export function spellCheck(setting: SpellCheckSetting): Extension {
  const attributes: Record<string, string> = { spellcheck: setting.enabled ? 'true' : 'false' }
  if (setting.language) attributes.lang = setting.language
  return Prec.highest(EditorView.contentAttributes.of(attributes))
}
