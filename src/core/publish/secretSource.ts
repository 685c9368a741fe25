/**
 * Where a publish target's secrets (passwords, tokens, keys) come from. They never live in
 * folio.yaml or .folio/: the desktop app reads them from the OS keychain, the CLI from env vars.
 */

/** Looks up one secret of a target; resolves undefined when it is not set. */
export type SecretSource = (target: string, key: string) => Promise<string | undefined>

/** The secrets each target type accepts, by config `type`. */
export const secretKeysByType: Record<string, string[]> = {
  folder: [],
  sftp: ['password', 'privateKey', 'passphrase'],
  ftp: ['password'],
  s3: ['accessKeyId', 'secretAccessKey', 'sessionToken'],
  git: ['token'],
  netlify: ['token'],
}

/**
 * The environment variable that holds a target's secret for the CLI: `FOLIO_<NAME>_<KEY>`, the
 * name upper-cased with non-alphanumerics as `_`, the key camelCase turned UPPER_SNAKE.
 */
export function secretEnvName(target: string, key: string): string {
  const name = target.toUpperCase().replace(/[^A-Z0-9]/g, '_')
  const snake = key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '_')
  return `FOLIO_${name}_${snake}`
}

/** A SecretSource that reads `FOLIO_<NAME>_<KEY>` variables from `env` (empty counts as unset). */
export function envSecretSource(env: NodeJS.ProcessEnv): SecretSource {
  return async (target, key) => {
    const value = env[secretEnvName(target, key)]
    return value === undefined || value === '' ? undefined : value
  }
}
