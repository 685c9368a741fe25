/**
 * `folio set ARTICLE FIELD=VALUE... [--workspace DIR]`: edits an article's front matter through the
 * same lossless editor as the app (comments, key order and untouched fields kept byte for byte)
 * and prints the article's path.
 */
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { FolioError } from '../../core/errors'
import { parseFieldAssignments, parseFrontMatter } from '../../core/frontmatter'
import { normalizeRelPath, readArticle, setArticleFields } from '../../core/workspace'
import type { Workspace } from '../../core/workspace'
import { isArticleFileName } from '../../core/workspace/articleFiles'
import { openWorkspaceArg } from './workspaceArg'

/**
 * Sets `assignments` (`FIELD=VALUE`, `FIELD=` removes) on the article at workspace-relative
 * `article`. Resolves its normalized path; throws a FolioError for a missing or non-Markdown file,
 * malformed front matter (left untouched), a bad assignment, or a file changed meanwhile.
 */
export async function setFields(
  ws: Workspace,
  article: string,
  assignments: string[],
): Promise<string> {
  const path = normalizeRelPath(article)
  if (!isArticleFileName(path.split('/').pop() ?? '')) {
    throw new FolioError(
      'invalid-argument',
      `"${article}" is not a Markdown article (.md, .markdown or .mdx).`,
      { path: article },
    )
  }
  const doc = await readArticle(ws, path)
  if (doc.error) throw FolioError.fromData(doc.error)
  const fields = parseFieldAssignments(assignments, parseFrontMatter(doc.text).data)
  const result = await setArticleFields(ws, path, fields)
  if (result.status === 'conflict') {
    throw new FolioError(
      'conflict',
      `"${path}" changed on disk while it was being edited; nothing was written. Run the command again.`,
      { path },
    )
  }
  return path
}

/** Registers `folio set` on the program. */
export function registerSet(program: Command): void {
  program
    .command('set')
    .description('Set front matter fields of an article (tags=a,b draft=true FIELD= removes)')
    .argument('<article>', 'workspace-relative path of the article, e.g. posts/hello.md')
    .argument('<assignments...>', 'FIELD=VALUE pairs')
    .option('--workspace <dir>', 'workspace folder (default: current folder)')
    .action(async (article: string, assignments: string[], options: { workspace?: string }) => {
      const ws = await openWorkspaceArg(options.workspace && resolve(options.workspace))
      process.stdout.write((await setFields(ws, article, assignments)) + '\n')
    })
}
