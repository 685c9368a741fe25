/**
 * The editor, composed: one list of extensions, each feature from its own module. Every open
 * article gets its own EditorState built from this list, so undo history, cursor and scroll
 * survive switching tabs.
 */
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete'
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import {
  deleteMarkupBackward,
  insertNewlineContinueMarkupCommand,
  markdown,
  markdownLanguage,
  pasteURLAsLink,
} from '@codemirror/lang-markdown'
import { languages } from '@codemirror/language-data'
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search'
import { Compartment, EditorState, Prec } from '@codemirror/state'
import type { Extension } from '@codemirror/state'
import {
  EditorView,
  drawSelection,
  dropCursor,
  keymap,
  rectangularSelection,
} from '@codemirror/view'
import { caretBlink } from './caretBlink'
import { directTyping } from './directTyping'
import { frontMatterSyntax } from './frontMatterSyntax'
import { formattingKeymap } from './keymaps/formattingKeymap'
import { listIndentKeymap } from './keymaps/listIndent'
import { monospaceBlocks } from './monospaceBlocks'
import { searchCount } from './searchCount'
import { tableKeymap } from './tableFormat'
import { editorTheme } from './theme/editorTheme'

/** Holds the Markdown language, swapped for nothing when an article opens as plain text. */
export const languageCompartment = new Compartment()

/** What the hosting UI wants to hear from every editor state built here. */
export interface EditorHooks {
  /** Called for every view update (doc, selection, focus, viewport changes). */
  onUpdate: (update: import('@codemirror/view').ViewUpdate) => void
  /** Ctrl/Cmd+S. */
  onSave: () => void
  /** Extra extensions (focus mode, typewriter, ...) composed by the caller. */
  extra?: Extension[]
}

/**
 * Enter continues a list or quote; on an empty item it moves the item out one level (ending the
 * list at the top level), as writing apps do, instead of CodeMirror's default of opening a blank
 * line that turns a tight list loose.
 */
export const continueMarkup = insertNewlineContinueMarkupCommand({ nonTightLists: false })

/** The Markdown language with highlighted code fences in their own languages. */
export function markdownSupport(): Extension {
  return [
    markdown({
      base: markdownLanguage,
      codeLanguages: languages,
      extensions: [frontMatterSyntax],
      addKeymap: false,
    }),
    Prec.high(
      keymap.of([
        { key: 'Enter', run: continueMarkup },
        { key: 'Backspace', run: deleteMarkupBackward },
      ]),
    ),
    pasteURLAsLink,
  ]
}

/** The full extension list of an article editor. */
export function folioEditorExtensions(hooks: EditorHooks, plainText: boolean): Extension[] {
  return [
    history(),
    drawSelection(),
    caretBlink(),
    dropCursor(),
    rectangularSelection(),
    EditorState.allowMultipleSelections.of(true),
    EditorView.lineWrapping,
    directTyping(),
    EditorView.contentAttributes.of({ spellcheck: 'true', 'aria-label': 'Article text' }),
    languageCompartment.of(plainText ? [] : markdownSupport()),
    closeBrackets(),
    search({ top: true }),
    searchCount(),
    highlightSelectionMatches(),
    Prec.highest(
      keymap.of([
        {
          key: 'Mod-s',
          preventDefault: true,
          run: () => {
            hooks.onSave()
            return true
          },
        },
      ]),
    ),
    formattingKeymap(),
    listIndentKeymap(),
    tableKeymap(),
    keymap.of([...closeBracketsKeymap, ...searchKeymap, ...historyKeymap, ...defaultKeymap]),
    editorTheme(),
    monospaceBlocks(),
    EditorView.updateListener.of(hooks.onUpdate),
    ...(hooks.extra ?? []),
  ]
}

/** A fresh editor state for an article's text. */
export function createArticleEditorState(
  text: string,
  hooks: EditorHooks,
  plainText: boolean,
): EditorState {
  return EditorState.create({ doc: text, extensions: folioEditorExtensions(hooks, plainText) })
}
