/** `folio new TITLE [WORKSPACE]`: creates an article with front matter and prints its path. */
import type { Command } from 'commander'
import { createArticle } from '../../core/workspace'
import { openWorkspaceArg } from './workspaceArg'

export function registerNew(program: Command): void {
  program
    .command('new')
    .description('Create a new article')
    .argument('<title>', 'the article title')
    .argument('[workspace]', 'workspace folder (default: current folder)')
    .action(async (title: string, workspace: string | undefined) => {
      const ws = await openWorkspaceArg(workspace)
      const article = await createArticle(ws, title)
      process.stdout.write(article.path + '\n')
    })
}
