/** The article's outline: its headings with their positions, read from the Markdown syntax tree. */
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language'
import type { EditorState } from '@codemirror/state'

/** One heading of the outline. */
export interface OutlineEntry {
  level: number
  text: string
  /** Document offset of the heading's line start. */
  from: number
  line: number
}

const headingNode = /^(?:ATXHeading|SetextHeading)([1-6])$/

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
      const raw = state.sliceDoc(node.from, node.to).split('\n')[0]
      const text = raw
        .replace(/^#{1,6}\s*/, '')
        .replace(/\s#+\s*$/, '')
        .trim()
      entries.push({ level: Number(match[1]), text, from: line.from, line: line.number })
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
