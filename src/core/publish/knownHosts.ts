/**
 * SSH host keys Folio has seen, in `<ws>/.folio/known_hosts` (`[host]:port SHA256:...` per line),
 * and the check an SFTP connection makes against them or against a pinned `hostKey`.
 */
import { createHash } from 'node:crypto'
import { appendFile, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { FolioError, toFolioError } from '../errors'

/** The OpenSSH-style fingerprint of a raw host key: `SHA256:` + unpadded base64. */
export function hostKeyFingerprint(key: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(key).digest('base64').replace(/=+$/, '')
}

function knownHostsFile(root: string): string {
  return join(root, '.folio', 'known_hosts')
}

function hostId(host: string, port: number): string {
  return `[${host}]:${port}`
}

/** The fingerprint remembered for host:port, or undefined. */
export async function knownHostKey(
  root: string,
  host: string,
  port: number,
): Promise<string | undefined> {
  let text: string
  try {
    text = await readFile(knownHostsFile(root), 'utf8')
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return undefined
    throw toFolioError(err, '.folio/known_hosts')
  }
  const id = hostId(host, port)
  for (const line of text.split('\n')) {
    const [name, fingerprint] = line.trim().split(/\s+/)
    if (name === id && fingerprint) return fingerprint
  }
  return undefined
}

/** Remembers the fingerprint of host:port (after the user chose to trust it). */
export async function rememberHostKey(
  root: string,
  host: string,
  port: number,
  fingerprint: string,
): Promise<void> {
  try {
    await mkdir(join(root, '.folio'), { recursive: true })
    await appendFile(knownHostsFile(root), `${hostId(host, port)} ${fingerprint}\n`)
  } catch (err) {
    throw toFolioError(err, '.folio/known_hosts')
  }
}

/** What to do with a presented host key: accept it, accept and remember it, or refuse with why. */
export type HostKeyDecision =
  { accept: true; remember: boolean } | { accept: false; error: FolioError }

/**
 * Decides on a host key: a pinned `hostKey` must match; otherwise a remembered one must match; an
 * unknown key is accepted (and remembered) only when `trust` is set.
 */
export function decideHostKey(input: {
  target: string
  host: string
  port: number
  fingerprint: string
  pinned?: string
  known?: string
  trust: boolean
}): HostKeyDecision {
  const { target, host, port, fingerprint } = input
  const where = `${host}:${port}`
  const expected = input.pinned ?? input.known
  if (expected !== undefined) {
    if (expected.replace(/=+$/, '') === fingerprint) return { accept: true, remember: false }
    const source = input.pinned
      ? 'the hostKey pinned in folio.yaml'
      : 'the key remembered in .folio/known_hosts'
    return {
      accept: false,
      error: new FolioError(
        'host-key',
        `The host key of ${where} (${fingerprint}) does not match ${source} (${expected}). Someone may be intercepting the connection; if the server's key really changed, update ${input.pinned ? 'hostKey' : '.folio/known_hosts'}.`,
        { path: target },
      ),
    }
  }
  if (input.trust) return { accept: true, remember: true }
  return {
    accept: false,
    error: new FolioError(
      'host-key',
      `The host key of ${where} is not known yet: ${fingerprint}. Check it with your host, then pin it as hostKey in folio.yaml or confirm it (--trust-host-key).`,
      { path: target },
    ),
  }
}
