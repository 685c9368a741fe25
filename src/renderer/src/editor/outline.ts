/** The article's outline: its headings with their positions, read from the Markdown syntax tree. */
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language'
import type { EditorState } from '@codemirror/state'
import type { SyntaxNode } from './syntaxNode'

/** One heading of the outline. */
export interface OutlineEntry {
  level: number
  text: string
  /** Document offset of the heading's line start. */
  from: number
  line: number
}

const headingNode = /^(?:ATXHeading|SetextHeading)([1-6])$/

/** Markup left out of a heading's outline text: its `#`s, emphasis and code marks, link URLs. */
const markupNode = /^(?:HeaderMark|EmphasisMark|CodeMark|StrikethroughMark|LinkMark|URL|LinkTitle)$/

/** A heading's words as the page shows them: `## Second *italic* `code`` reads "Second italic code". */
function headingText(state: EditorState, heading: SyntaxNode): string {
  const end = Math.min(heading.to, state.doc.lineAt(heading.from).to)
  let text = ''
  let at = heading.from
  const cursor = heading.cursor()
  // Skip the markup nodes inside the heading, keeping the text between them.
  if (cursor.firstChild()) {
    do {
      const skip = markupNode.test(cursor.name) ? cursor : null
      if (!skip) continue
      if (skip.from >= end) break
      text += state.sliceDoc(at, skip.from)
      at = Math.max(at, skip.to)
    } while (cursor.next() && cursor.from < heading.to)
  }
  text += state.sliceDoc(at, Math.max(at, end))
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * The headings of the document, in order. Uses the parsed tree (waiting up to `timeoutMs` for the
 * parser to reach the end), so it is cheap to call on idle.
 */
export function outlineOf(state: EditorState, timeoutMs = 50): OutlineEntry[] {
  const tree = ensureSyntaxTree(state, state.doc.length, timeoutMs) ?? syntaxTree(state)
  const entries: OutlineEntry[] = []
  tree.iterate({
    enter(node) {
      const match = headingNode.exec(node.name)
      if (!match) return node.name === 'Document' || node.name === 'Blockquote' ? undefined : false
      const line = state.doc.lineAt(node.from)
      entries.push({
        level: Number(match[1]),
        text: headingText(state, node.node),
        from: line.from,
        line: line.number,
      })
      return false
    },
  })
  return entries
}

/** Index of the heading whose section contains `pos`, or -1 before the first heading. */
export function currentSection(entries: readonly OutlineEntry[], pos: number): number {
  let index = -1
  for (let i = 0; i < entries.length && entries[i].from <= pos; i++) index = i
  return index
}
