/**
 * How a publish target is shown to the author: name, type and where the site goes.
 */
import type { PublishTargetSummary } from '../api'
import type { PublishTargetConfig, Workspace } from '../workspace'
import { resolveLocalPath } from './targetConfig'
import { secretKeysByType } from './secretSource'

function text(config: PublishTargetConfig, key: string): string {
  const value = config[key]
  return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
}

/** Drops any user:password@ from a URL so that a token pasted into it never reaches the screen. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.username = ''
    parsed.password = ''
    return parsed.toString()
  } catch {
    // Not a URL: still remove anything that looks like credentials before an @.
    return url.replace(/\/\/[^/@]*@/, '//')
  }
}

function location(ws: Workspace, config: PublishTargetConfig): string {
  const path = text(config, 'path')
  switch (config.type) {
    case 'folder':
      return path ? resolveLocalPath(ws.root, path) : '(no path set)'
    case 'sftp':
    case 'ftp': {
      const user = text(config, 'user')
      const port = text(config, 'port')
      const scheme = config.type === 'ftp' ? (config.secure === false ? 'ftp' : 'ftps') : 'sftp'
      const host = `${user ? `${user}@` : ''}${text(config, 'host')}${port ? `:${port}` : ''}`
      return `${scheme}://${host}${path.startsWith('/') ? '' : '/'}${path}`
    }
    case 's3': {
      const prefix = text(config, 'prefix').replace(/^\/+/, '')
      const endpoint = text(config, 'endpoint')
      const where = `s3://${text(config, 'bucket')}/${prefix}`
      return endpoint ? `${where} at ${redactUrl(endpoint)}` : where
    }
    case 'git':
      return `${redactUrl(text(config, 'url'))} (branch ${text(config, 'branch') || 'gh-pages'})`
    case 'netlify':
      return `Netlify site ${text(config, 'siteId') || text(config, 'site')}`
    default:
      return config.type
  }
}

/** The display summary of a target: never contains a secret, even one pasted into a URL. */
export function describeTarget(ws: Workspace, target: PublishTargetConfig): PublishTargetSummary {
  return {
    name: target.name,
    type: target.type,
    location: location(ws, target),
    secretKeys: secretKeysByType[target.type] ?? [],
  }
}
