/** `folio list [WORKSPACE] [--json]`: one line (or JSON object) per article. */
import type { Command } from 'commander'
import { listArticles } from '../../core/workspace'
import { openWorkspaceArg } from './workspaceArg'

export function registerList(program: Command): void {
  program
    .command('list')
    .description('List the articles of a workspace, newest first')
    .argument('[workspace]', 'workspace folder (default: current folder)')
    .option('--json', 'print one JSON document with the layout and the articles')
    .action(async (workspace: string | undefined, options: { json?: boolean }) => {
      const ws = await openWorkspaceArg(workspace)
      const articles = await listArticles(ws)
      if (options.json) {
        const json = { layout: ws.layout, contentDir: ws.contentDir, articles }
        process.stdout.write(JSON.stringify(json, null, 2) + '\n')
        return
      }
      for (const article of articles) {
        const flags = [
          article.draft ? 'draft' : '',
          article.error ? `error: ${article.error.message}` : '',
        ]
          .filter(Boolean)
          .join(', ')
        const tags = article.tags.length ? ` #${article.tags.join(' #')}` : ''
        process.stdout.write(
          `${article.date ?? '----------'}  ${article.path}  ${article.title}${tags}${flags ? `  (${flags})` : ''}\n`,
        )
      }
    })
}
