/**
 * Child process for the crash test: saves the articles of the workspace given as argv[2] in an
 * endless loop, each time with a new large version, until it is killed.
 */
import { openWorkspace, readArticle, saveArticle } from '../../../src/core/workspace'
import { versionText } from './versionText'

const ws = await openWorkspace(process.argv[2])
const paths = ['posts/a.md', 'posts/b.md', 'posts/c.md']
process.stdout.write('ready\n')
for (let n = Math.floor(Math.random() * 1e6); ; n++) {
  const rel = paths[n % paths.length]
  const doc = await readArticle(ws, rel)
  const result = await saveArticle(ws, rel, versionText(n), doc.version)
  if (result.status !== 'saved') throw new Error(`unexpected conflict on ${rel}`)
}
