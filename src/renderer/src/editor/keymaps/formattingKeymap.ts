/**
 * Keyboard shortcuts for the formatting commands, following the common Markdown editors (Typora,
 * iA Writer): Mod-B bold, Mod-I italic, Mod-1..6 headings, and so on.
 */
import { Prec } from '@codemirror/state'
import type { Extension } from '@codemirror/state'
import { keymap } from '@codemirror/view'
import type { KeyBinding } from '@codemirror/view'
import {
  insertCodeBlock,
  insertHorizontalRule,
  insertImage,
  insertLink,
  insertTable,
} from '../commands/insertBlock'
import {
  setHeading,
  toggleBulletList,
  toggleOrderedList,
  toggleQuote,
  toggleTaskList,
} from '../commands/lineFormat'
import {
  toggleBold,
  toggleInlineCode,
  toggleItalic,
  toggleStrikethrough,
} from '../commands/toggleInlineMarker'

/** The shortcut table, also used by the toolbar to show each command's key in its tooltip. */
export const formattingBindings: KeyBinding[] = [
  { key: 'Mod-b', run: toggleBold },
  { key: 'Mod-i', run: toggleItalic },
  { key: 'Mod-Shift-x', run: toggleStrikethrough },
  { key: 'Mod-e', run: toggleInlineCode },
  { key: 'Mod-k', run: insertLink },
  { key: 'Mod-Shift-i', run: insertImage },
  { key: 'Mod-1', run: setHeading(1) },
  { key: 'Mod-2', run: setHeading(2) },
  { key: 'Mod-3', run: setHeading(3) },
  { key: 'Mod-4', run: setHeading(4) },
  { key: 'Mod-5', run: setHeading(5) },
  { key: 'Mod-6', run: setHeading(6) },
  { key: 'Mod-Shift-q', run: toggleQuote },
  { key: 'Mod-Shift-8', run: toggleBulletList },
  { key: 'Mod-Shift-7', run: toggleOrderedList },
  { key: 'Mod-Shift-9', run: toggleTaskList },
  { key: 'Mod-Shift-k', run: insertCodeBlock },
  { key: 'Mod-Alt-t', run: insertTable },
  { key: 'Mod-Shift-h', run: insertHorizontalRule },
]

/** The formatting shortcuts, ahead of the default keymap (Mod-Shift-K would delete a line there). */
export function formattingKeymap(): Extension {
  return Prec.high(keymap.of(formattingBindings))
}
