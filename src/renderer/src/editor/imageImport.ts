/**
 * Images pasted or dropped into the editor (or picked with a file input): each file is stored by
 * the backend beside the article, and the Markdown it returns is inserted with the alt text
 * selected, ready to be typed over.
 */
import { EditorSelection, Facet } from '@codemirror/state'
import type { EditorState, Extension, TransactionSpec } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { articlePathOf } from './articlePath'

/** Stores one file for the article at `articlePath`; resolves to the Markdown to insert. */
export interface ImageImporter {
  importImage: (articlePath: string, fileName: string, base64: string) => Promise<string>
  /** Told when an import fails; the editor text is left unchanged. */
  onError: (err: unknown, articlePath: string) => void
}

const importerFacet = Facet.define<ImageImporter, ImageImporter | null>({
  combine: (values) => values[0] ?? null,
})

/**
 * Inserts `markdown` at `at` on a line of its own when the line has other text, and selects the
 * alt text of its first image (or puts the cursor after it when it has none).
 */
export function insertImageMarkdown(
  state: EditorState,
  markdown: string,
  at: number,
): TransactionSpec {
  const line = state.doc.lineAt(at)
  const before = at > line.from && line.text.slice(0, at - line.from).trim() ? '\n' : ''
  const after = at < line.to && line.text.slice(at - line.from).trim() ? '\n' : ''
  const insert = before + markdown + after
  const start = at + before.length
  const alt = /^!\[([^\]]*)\]/.exec(markdown)
  const selection =
    alt && alt[1].length > 0
      ? EditorSelection.range(start + 2, start + 2 + alt[1].length)
      : EditorSelection.cursor(start + markdown.length)
  return {
    changes: { from: at, insert },
    selection,
    scrollIntoView: true,
    userEvent: 'input.paste',
  }
}

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes)
  let binary = ''
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

/**
 * Imports `files` into the article shown in `view` and inserts their Markdown at `at`, one after
 * another. Resolves when done; failures go to the importer's `onError`.
 */
export async function importImageFiles(view: EditorView, files: File[], at: number): Promise<void> {
  const importer = view.state.facet(importerFacet)
  const path = articlePathOf(view.state)
  if (!importer || !path) return
  let position = at
  for (const file of files) {
    try {
      const base64 = toBase64(await file.arrayBuffer())
      const markdown = await importer.importImage(path, file.name || 'image.png', base64)
      // NOTE: the author may have switched articles or typed while the file was being stored;
      // insert only into the same article, at a position that still exists.
      if (articlePathOf(view.state) !== path) return
      view.dispatch(
        insertImageMarkdown(view.state, markdown, Math.min(position, view.state.doc.length)),
      )
      // The next file goes on the line after this one.
      position = view.state.doc.lineAt(view.state.selection.main.head).to
    } catch (err) {
      importer.onError(err, path)
      return
    }
  }
}

function filesOf(data: DataTransfer | null): File[] {
  if (!data) return []
  return [...data.files].filter(
    (file) => file.type.startsWith('image/') || /\.(png|jpe?g|gif|webp|avif|svg)$/i.test(file.name),
  )
}

/** The extension: paste and drop handlers that import image files through `importer`. */
export function imageImport(importer: ImageImporter): Extension {
  return [
    importerFacet.of(importer),
    EditorView.domEventHandlers({
      paste(event, view) {
        const files = filesOf(event.clipboardData)
        if (files.length === 0) return false
        event.preventDefault()
        void importImageFiles(view, files, view.state.selection.main.head)
        return true
      },
      drop(event, view) {
        const files = filesOf(event.dataTransfer)
        if (files.length === 0) return false
        event.preventDefault()
        const at =
          view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head
        void importImageFiles(view, files, at)
        return true
      },
    }),
  ]
}
