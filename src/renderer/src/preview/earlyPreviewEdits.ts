/**
 * Hands each edit of an article to the preview while CodeMirror is still applying it (from the
 * transaction, before the new state is parsed and drawn), as the one range it replaced: the
 * preview sends it to the render worker at the start of the frame that paints the editor, so the
 * worker renders during that frame instead of after it and the preview shows a keystroke sooner.
 */
import { EditorState, type Extension } from '@codemirror/state'
import { articlePathOf } from '../editor/articlePath'
import type { PreviewController } from './previewController'

/**
 * The extension: `controller` gives the preview of the moment (or null without one). Edits of
 * an article the preview does not hold are left to the usual render after the update.
 */
export function earlyPreviewEdits(controller: () => PreviewController | null): Extension {
  return EditorState.transactionExtender.of((tr) => {
    if (tr.docChanged) {
      controller()?.renderEdit(
        articlePathOf(tr.startState),
        tr.startState.doc,
        tr.newDoc,
        tr.changes,
      )
    }
    return null
  })
}
