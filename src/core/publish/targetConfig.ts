/**
 * Reading a publish target's settings from folio.yaml with errors a person can fix.
 */
import { homedir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'
import { FolioError } from '../errors'
import type { PublishTargetConfig } from '../workspace'

function configError(config: PublishTargetConfig, message: string): FolioError {
  return new FolioError('config', `Publish target "${config.name}" in folio.yaml: ${message}`, {
    path: 'folio.yaml',
  })
}

/** A required non-empty string setting, or a 'config' FolioError naming it. */
export function requireString(config: PublishTargetConfig, key: string): string {
  const value = config[key]
  if (typeof value !== 'string' || value.trim() === '') {
    throw configError(config, `set "${key}" (text).`)
  }
  return value
}

/** An optional string setting; a value of another type is a 'config' FolioError. */
export function optionalString(config: PublishTargetConfig, key: string): string | undefined {
  const value = config[key]
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string') throw configError(config, `"${key}" must be text.`)
  return value
}

/** An optional boolean setting with a default. */
export function optionalBoolean(
  config: PublishTargetConfig,
  key: string,
  fallback: boolean,
): boolean {
  const value = config[key]
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'boolean') throw configError(config, `"${key}" must be true or false.`)
  return value
}

/** An optional port/number setting with a default. */
export function optionalNumber(config: PublishTargetConfig, key: string, fallback: number): number {
  const value = config[key]
  if (value === undefined || value === null) return fallback
  const number = typeof value === 'string' ? Number(value) : value
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    throw configError(config, `"${key}" must be a number.`)
  }
  return number
}

/** Resolves a local path setting: `~` is the home folder, relative paths start at the workspace. */
export function resolveLocalPath(root: string, path: string): string {
  if (path === '~') return homedir()
  if (path.startsWith('~/')) return join(homedir(), path.slice(2))
  return isAbsolute(path) ? path : resolve(root, path)
}

/** Joins a remote folder and a site-relative path with forward slashes. */
export function remoteJoin(base: string, path: string): string {
  const trimmed = base.replace(/\/+$/, '')
  return trimmed === '' ? `/${path}` : `${trimmed}/${path}`
}
