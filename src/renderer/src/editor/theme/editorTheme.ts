/**
 * The editor's look: typography for long-form writing and Markdown highlighting that makes the
 * structure visible (sized headings, dimmed markup and URLs, set-apart front matter). Colours come
 * from CSS variables, so the light/dark switch is a stylesheet matter and needs no reconfiguration.
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import type { Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { tags as t } from '@lezer/highlight'

const baseTheme = EditorView.theme({
  '&': {
    height: '100%',
    fontSize: 'var(--editor-font-size, 17px)',
    color: 'var(--ink)',
    backgroundColor: 'var(--paper)',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': {
    fontFamily: 'var(--editor-font)',
    lineHeight: '1.7',
    overflow: 'auto',
  },
  '.cm-content': {
    maxWidth: 'var(--editor-measure, 46rem)',
    margin: '0 auto',
    padding: '2.5rem 2rem 40vh',
    caretColor: 'var(--accent)',
  },
  '.cm-line': { padding: '0 2px' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--accent)', borderLeftWidth: '2px' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--selection) !important',
  },
  '.cm-activeLine': { backgroundColor: 'transparent' },
  '.cm-gutters': { display: 'none' },
  '.cm-panels': { backgroundColor: 'var(--chrome)', color: 'var(--ink)' },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--rule)' },
  '.cm-searchMatch': { backgroundColor: 'var(--match)', borderRadius: '2px' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'var(--match-strong)' },
  '.cm-panel.cm-search': { padding: '8px 12px', fontFamily: 'var(--ui-font)', fontSize: '13px' },
  '.cm-panel.cm-search input, .cm-panel.cm-search button': { fontSize: '13px' },
  '.cm-panel.cm-search label': { fontSize: '13px' },
  '.cm-search-count': {
    display: 'inline-block',
    minWidth: '8.5em',
    margin: '0 8px',
    color: 'var(--muted)',
    fontVariantNumeric: 'tabular-nums',
  },
  '.cm-textfield': {
    border: '1px solid var(--rule)',
    borderRadius: '6px',
    background: 'var(--paper)',
    color: 'var(--ink)',
    padding: '3px 6px',
  },
  '.cm-button': {
    backgroundImage: 'none',
    background: 'var(--paper)',
    border: '1px solid var(--rule)',
    borderRadius: '6px',
    color: 'var(--ink)',
  },
  '.cm-tooltip': {
    border: '1px solid var(--rule)',
    backgroundColor: 'var(--paper)',
    borderRadius: '6px',
  },
})

const markdownHighlight = HighlightStyle.define([
  { tag: t.heading1, fontSize: '1.6em', fontWeight: '700', lineHeight: '1.3' },
  { tag: t.heading2, fontSize: '1.35em', fontWeight: '700' },
  { tag: t.heading3, fontSize: '1.15em', fontWeight: '650' },
  { tag: [t.heading4, t.heading5, t.heading6], fontWeight: '650' },
  { tag: t.strong, fontWeight: '700' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.strikethrough, textDecoration: 'line-through' },
  { tag: t.link, color: 'var(--accent)' },
  { tag: t.url, color: 'var(--muted)' },
  { tag: t.processingInstruction, color: 'var(--muted)' },
  { tag: t.meta, color: 'var(--muted)', fontFamily: 'var(--mono-font)', fontSize: '0.85em' },
  { tag: t.quote, color: 'var(--quote)', fontStyle: 'italic' },
  { tag: t.monospace, fontFamily: 'var(--mono-font)', fontSize: '0.9em', color: 'var(--code)' },
  { tag: t.contentSeparator, color: 'var(--muted)' },
  { tag: t.list, color: 'var(--ink)' },
  { tag: t.keyword, color: 'var(--syntax-keyword)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--syntax-string)' },
  { tag: [t.number, t.bool, t.atom], color: 'var(--syntax-number)' },
  { tag: t.comment, color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [t.function(t.variableName), t.definition(t.variableName)], color: 'var(--syntax-fn)' },
  { tag: [t.typeName, t.className], color: 'var(--syntax-type)' },
  { tag: [t.propertyName, t.attributeName], color: 'var(--syntax-prop)' },
  { tag: t.invalid, color: 'var(--danger)' },
])

/** The editor theme and Markdown highlight style, for the setup list. */
export function editorTheme(): Extension {
  return [baseTheme, syntaxHighlighting(markdownHighlight)]
}
