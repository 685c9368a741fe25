/**
 * Autocomplete for what an article links to: other articles after `[text](`, and images already
 * in the workspace after `![alt](` or right after `![`. Paths are written relative to the article.
 */
import {
  autocompletion,
  CompletionContext,
  completionStatus,
  startCompletion,
} from '@codemirror/autocomplete'
import type { Completion, CompletionResult } from '@codemirror/autocomplete'
import type { EditorState, Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { articlePathOf } from '../articlePath'
import { relativeLink } from '../relativeLink'

/** Where the completions come from; both are read when a completion is asked for. */
export interface WorkspaceFiles {
  /** Workspace-relative paths of every article, with titles for the completion labels. */
  articles: () => readonly { path: string; title: string }[]
  /** Workspace-relative paths of the images in the workspace. */
  images: () => Promise<readonly string[]>
}

/** A link's target being typed: `[text](` or `![alt](` and what follows it. */
const linkTarget = /(!?)\[[^\]\n]*\]\([^)\s]*$/
/** An image's alt text being typed, right after `![`. */
const imageAlt = /!\[[^\]\n]*$/

function altFromFile(path: string): string {
  const name = path.split('/').pop() ?? path
  return name.replace(/\.[a-z0-9]+$/i, '').replace(/[-_]+/g, ' ')
}

/** The completion source for `files`; exported for tests without a view. */
export function workspaceCompletionSource(files: WorkspaceFiles) {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const from = articlePathOf(context.state)
    const target = context.matchBefore(linkTarget)
    if (target) {
      const open = target.text.indexOf('](') + 2
      const isImage = target.text.startsWith('!')
      const options: Completion[] = isImage
        ? (await files.images()).map((path) => ({
            label: relativeLink(from, path),
            detail: 'image',
            type: 'file',
          }))
        : files
            .articles()
            .filter((article) => article.path !== from)
            .map((article) => ({
              label: relativeLink(from, article.path),
              detail: article.title,
              type: 'text',
            }))
      return { from: target.from + open, options, validFor: /^[^)\s]*$/ }
    }
    const bang = context.matchBefore(imageAlt)
    if (!bang) return null
    const options = (await files.images()).map((path) => {
      const link = relativeLink(from, path)
      return { label: link, detail: 'image', type: 'file', apply: `${altFromFile(path)}](${link})` }
    })
    return { from: bang.from + 2, options, filter: true }
  }
}

/** Whether the text before the cursor is a place the source completes. */
function completesHere(state: EditorState): boolean {
  const context = new CompletionContext(state, state.selection.main.head, false)
  return context.matchBefore(linkTarget) !== null || context.matchBefore(imageAlt) !== null
}

/**
 * Opens the completion when typing reaches a place the source completes.
 *
 * NOTE: CodeMirror's own activation on typing asks the source after every typed character and,
 * when it has nothing to offer (any key of ordinary prose), dispatches a transaction to say so
 * 100 ms later: an editor update and a frame of their own after each keystroke, landing just
 * before the next key of a fast typist. Here prose costs one short match on the line instead.
 * An open completion follows typing by itself (and asks again where its result no longer fits).
 */
const openWhereItCompletes = EditorView.updateListener.of((update) => {
  if (!update.docChanged || completionStatus(update.state) !== null) return
  if (!update.transactions.some((tr) => tr.isUserEvent('input.type'))) return
  if (!completesHere(update.state)) return
  const view = update.view
  // A listener may not dispatch during the update it is told of.
  queueMicrotask(() => startCompletion(view))
})

/** The extension: autocompletion with the workspace source, opened where it completes. */
export function workspaceCompletions(files: WorkspaceFiles): Extension {
  return [
    autocompletion({ override: [workspaceCompletionSource(files)], activateOnTyping: false }),
    openWhereItCompletes,
  ]
}
