/**
 * A real OpenSSH sshd for SFTP tests: its own temp host key, authorized_keys and port on
 * 127.0.0.1, running in the foreground as the test's child process (as the current user).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort, waitForChild } from './freePort'

const run = promisify(execFile)

/** A running sshd and the credentials that log in to it. */
export interface SshServer {
  port: number
  user: string
  /** Folder for test files (absolute; the SFTP root is the real file system). */
  dataDir: string
  /** Path of a private key that is authorized; `otherKeyPath` is a key that is not. */
  keyPath: string
  otherKeyPath: string
  /** `SHA256:...` fingerprint of the server's host key. */
  hostKeyFingerprint: string
  stop(): Promise<void>
}

async function keygen(path: string): Promise<void> {
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'folio-test', '-f', path])
}

function fingerprintOfPub(pubLine: string): string {
  const blob = Buffer.from(pubLine.trim().split(/\s+/)[1], 'base64')
  return 'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')
}

/** Starts `/usr/sbin/sshd -D -e -f <temp config>` and waits until it listens. */
export async function startSshServer(): Promise<SshServer> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-sshd-'))
  const dataDir = join(dir, 'data')
  await mkdir(dataDir)
  // sshd wants its privilege separation folder even when it runs as a test's child.
  await mkdir('/run/sshd', { recursive: true, mode: 0o755 })
  const hostKey = join(dir, 'host_ed25519')
  const keyPath = join(dir, 'client_ed25519')
  const otherKeyPath = join(dir, 'other_ed25519')
  await Promise.all([keygen(hostKey), keygen(keyPath), keygen(otherKeyPath)])
  await writeFile(join(dir, 'authorized_keys'), await readFile(`${keyPath}.pub`, 'utf8'), {
    mode: 0o600,
  })
  // NOTE: retried on another port when something else took the free port before sshd bound it.
  let port = 0
  let child: ChildProcess | null = null
  let exited: Promise<void> = Promise.resolve()
  for (let attempt = 1; ; attempt++) {
    port = await freePort()
    const config = [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'PermitRootLogin yes',
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication yes',
      'KbdInteractiveAuthentication no',
      'Subsystem sftp internal-sftp',
      'LogLevel ERROR',
    ].join('\n')
    await writeFile(join(dir, 'sshd_config'), config + '\n')
    const started = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    child = started
    let stderr = ''
    started.stderr?.on('data', (chunk) => (stderr += String(chunk)))
    exited = new Promise<void>((resolve) => started.once('exit', () => resolve()))
    let state: 'listening' | 'port-taken'
    try {
      state = await waitForChild(started, exited, port, () => `sshd exited: ${stderr}`)
    } catch (err) {
      started.kill('SIGKILL')
      throw err
    }
    if (state === 'listening') break
    if (attempt === 5) throw new Error(`sshd could not bind a free port: ${stderr}`)
  }
  const running = child as ChildProcess
  return {
    port,
    user: userInfo().username,
    dataDir,
    keyPath,
    otherKeyPath,
    hostKeyFingerprint: fingerprintOfPub(await readFile(`${hostKey}.pub`, 'utf8')),
    async stop() {
      running.kill('SIGTERM')
      await exited
      await rm(dir, { recursive: true, force: true })
    },
  }
}
