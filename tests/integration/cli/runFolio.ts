/** Runs the real `folio` command (bin/folio.mjs) as a child process and collects what it printed. */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const bin = join(__dirname, '../../../bin/folio.mjs')

export interface FolioRun {
  code: number
  stdout: string
  stderr: string
}

export async function folio(args: string[], cwd?: string): Promise<FolioRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
    })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}
