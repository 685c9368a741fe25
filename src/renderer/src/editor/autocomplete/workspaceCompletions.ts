/**
 * Autocomplete for what an article links to: other articles after `[text](`, and images already
 * in the workspace after `![alt](` or right after `![`. Paths are written relative to the article.
 */
import { autocompletion } from '@codemirror/autocomplete'
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete'
import type { Extension } from '@codemirror/state'
import { articlePathOf } from '../articlePath'
import { relativeLink } from '../relativeLink'

/** Where the completions come from; both are read when a completion is asked for. */
export interface WorkspaceFiles {
  /** Workspace-relative paths of every article, with titles for the completion labels. */
  articles: () => readonly { path: string; title: string }[]
  /** Workspace-relative paths of the images in the workspace. */
  images: () => Promise<readonly string[]>
}

function altFromFile(path: string): string {
  const name = path.split('/').pop() ?? path
  return name.replace(/\.[a-z0-9]+$/i, '').replace(/[-_]+/g, ' ')
}

/** The completion source for `files`; exported for tests without a view. */
export function workspaceCompletionSource(files: WorkspaceFiles) {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const from = articlePathOf(context.state)
    const target = context.matchBefore(/(!?)\[[^\]\n]*\]\([^)\s]*$/)
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
    const bang = context.matchBefore(/!\[[^\]\n]*$/)
    if (!bang) return null
    const options = (await files.images()).map((path) => {
      const link = relativeLink(from, path)
      return { label: link, detail: 'image', type: 'file', apply: `${altFromFile(path)}](${link})` }
    })
    return { from: bang.from + 2, options, filter: true }
  }
}

/** The extension: autocompletion with the workspace source. */
export function workspaceCompletions(files: WorkspaceFiles): Extension {
  return autocompletion({ override: [workspaceCompletionSource(files)] })
}
