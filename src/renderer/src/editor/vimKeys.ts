/** Optional Vim key bindings, switched at runtime through a Compartment. */
import { Compartment, Prec } from '@codemirror/state'
import type { Extension } from '@codemirror/state'
import { vim } from '@replit/codemirror-vim'

/** Holds the Vim bindings (or nothing) in every article's editor state. */
export const vimCompartment = new Compartment()

/** The Vim extension when `on`, ahead of every other keymap as Vim needs; else nothing. */
export function vimKeys(on: boolean): Extension {
  return on ? Prec.highest(vim()) : []
}
