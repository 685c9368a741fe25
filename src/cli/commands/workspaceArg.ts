/** Resolves the optional WORKSPACE argument (default: the current folder) and opens it. */
import { resolve } from 'node:path'
import { openWorkspace, type Workspace } from '../../core/workspace'

export async function openWorkspaceArg(arg: string | undefined): Promise<Workspace> {
  const ws = await openWorkspace(resolve(arg ?? process.cwd()))
  if (ws.configError) process.stderr.write(`folio: warning: ${ws.configError.message}\n`)
  return ws
}
