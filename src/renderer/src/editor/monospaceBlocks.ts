/**
 * Code blocks and tables are set in the monospace font, line by line.
 *
 * The table formatter pads cells with spaces so that the columns line up, which they only do in a
 * monospace font; and a fenced block highlighted in its language reads as code only when it looks
 * like code. Only the visible lines are decorated, from the syntax tree CodeMirror keeps anyway.
 */
import { syntaxTree } from '@codemirror/language'
import { RangeSetBuilder } from '@codemirror/state'
import type { EditorState, Extension } from '@codemirror/state'
import { Decoration, EditorView, ViewPlugin } from '@codemirror/view'
import type { DecorationSet, ViewUpdate } from '@codemirror/view'

const codeLine = Decoration.line({ class: 'cm-codeBlockLine' })
const tableLine = Decoration.line({ class: 'cm-tableLine' })

const decorationOf: Record<string, Decoration> = {
  FencedCode: codeLine,
  CodeBlock: codeLine,
  Table: tableLine,
}

/** Blocks that can hold a code block or a table; anything else is not looked into. */
const containers = new Set(['Document', 'Blockquote', 'BulletList', 'OrderedList', 'ListItem'])

/** Line decorations for the code block and table lines of `state` within `ranges` (in order). */
export function monospaceBlockLines(
  state: EditorState,
  ranges: readonly { from: number; to: number }[],
): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>()
  const tree = syntaxTree(state)
  for (const { from, to } of ranges) {
    tree.iterate({
      from,
      to,
      enter(node) {
        const decoration = decorationOf[node.name]
        if (!decoration) return containers.has(node.name)
        const last = state.doc.lineAt(Math.min(node.to, to)).number
        for (let n = state.doc.lineAt(Math.max(node.from, from)).number; n <= last; n++) {
          const line = state.doc.line(n)
          builder.add(line.from, line.from, decoration)
        }
        return false
      },
    })
  }
  return builder.finish()
}

const plugin = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet
    constructor(view: EditorView) {
      this.decorations = monospaceBlockLines(view.state, view.visibleRanges)
    }
    update(update: ViewUpdate) {
      // The tree also changes without an edit, when a parse finishes in the background.
      if (
        update.docChanged ||
        update.viewportChanged ||
        syntaxTree(update.startState) !== syntaxTree(update.state)
      ) {
        this.decorations = monospaceBlockLines(update.state, update.view.visibleRanges)
      }
    }
  },
  { decorations: (v) => v.decorations },
)

const theme = EditorView.baseTheme({
  '.cm-line.cm-codeBlockLine, .cm-line.cm-tableLine': {
    fontFamily: 'var(--mono-font)',
    fontSize: '0.88em',
  },
  '.cm-line.cm-codeBlockLine': {
    backgroundColor: 'color-mix(in srgb, var(--ink) 4%, transparent)',
  },
  // Code inside these lines is already small: the inline code style would shrink it again.
  '.cm-codeBlockLine span, .cm-tableLine span': { fontSize: 'inherit' },
})

/** The extension: monospace code block and table lines. */
export function monospaceBlocks(): Extension {
  return [plugin, theme]
}
