/**
 * Publish secrets in the desktop app: encrypted with Electron safeStorage (the OS keychain) into a
 * file in the app's data folder, never in the workspace. Values are decrypted only when a publish
 * asks for them, and never logged.
 */
import { safeStorage } from 'electron'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { FolioError, toFolioError } from '../core/errors'
import type { SecretSource } from '../core/publish'

type SecretFile = Record<string, string>

async function readSecretFile(file: string): Promise<SecretFile> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as SecretFile
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return {}
    throw toFolioError(err, file)
  }
}

function secretId(target: string, key: string): string {
  return `${target}\u0000${key}`
}

/** The keychain-backed secret store; `env` secrets (FOLIO_<NAME>_<KEY>) take precedence. */
export function keychainSecrets(file: string, fromEnv: SecretSource) {
  const source: SecretSource = async (target, key) => {
    const env = await fromEnv(target, key)
    if (env !== undefined) return env
    const stored = (await readSecretFile(file))[secretId(target, key)]
    if (stored === undefined) return undefined
    return safeStorage.decryptString(Buffer.from(stored, 'base64'))
  }
  async function store(target: string, key: string, value: string): Promise<void> {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new FolioError(
        'unsupported',
        'The system keychain is not available, so the secret was not stored.',
        { path: target },
      )
    }
    const secrets = await readSecretFile(file)
    secrets[secretId(target, key)] = safeStorage.encryptString(value).toString('base64')
    await mkdir(dirname(file), { recursive: true })
    await writeFile(`${file}.tmp`, JSON.stringify(secrets), { mode: 0o600 })
    await rename(`${file}.tmp`, file)
  }
  return { source, store }
}
