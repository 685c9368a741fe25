/**
 * FolioError: every failure the UI or the CLI shows is one of these. It carries a stable code,
 * a sentence a person can act on, and (where one is involved) the workspace path and line.
 * It crosses process boundaries as plain data (`FolioErrorData`) and is rebuilt on the other side.
 */

export type FolioErrorCode =
  | 'invalid-argument'
  | 'no-workspace'
  | 'not-found'
  | 'not-a-folder'
  | 'outside-workspace'
  | 'permission-denied'
  | 'read-only'
  | 'disk-full'
  | 'exists'
  | 'unreadable'
  | 'too-large'
  | 'frontmatter'
  | 'conflict'
  | 'config'
  | 'build-failed'
  | 'publish-failed'
  | 'network'
  | 'auth'
  | 'host-key'
  | 'cancelled'
  | 'unsupported'
  | 'forbidden'
  | 'io'
  | 'internal'

/** The serializable shape of a FolioError, as it travels over IPC, HTTP and `--json` output. */
export interface FolioErrorData {
  code: FolioErrorCode
  message: string
  /** Workspace-relative path (or target name) the failure is about, when there is one. */
  path?: string
  /** 1-based line in `path`, when the failure points into a file. */
  line?: number
}

export class FolioError extends Error {
  readonly code: FolioErrorCode
  readonly path?: string
  readonly line?: number

  constructor(code: FolioErrorCode, message: string, where: { path?: string; line?: number } = {}) {
    super(message)
    this.name = 'FolioError'
    this.code = code
    if (where.path !== undefined) this.path = where.path
    if (where.line !== undefined) this.line = where.line
  }

  toJSON(): FolioErrorData {
    const data: FolioErrorData = { code: this.code, message: this.message }
    if (this.path !== undefined) data.path = this.path
    if (this.line !== undefined) data.line = this.line
    return data
  }

  /** Rebuilds an error received as data from the other side of a boundary. */
  static fromData(data: FolioErrorData): FolioError {
    return new FolioError(data.code, data.message, { path: data.path, line: data.line })
  }
}

export function isFolioError(value: unknown): value is FolioError {
  return value instanceof FolioError
}

const nodeErrorCodes: Record<string, [FolioErrorCode, string]> = {
  ENOENT: ['not-found', 'does not exist'],
  ENOTDIR: ['not-a-folder', 'is not a folder'],
  EISDIR: ['invalid-argument', 'is a folder, not a file'],
  EACCES: ['permission-denied', 'cannot be accessed: permission denied'],
  EPERM: ['permission-denied', 'cannot be changed: operation not permitted'],
  EROFS: ['read-only', 'is on a read-only file system'],
  ENOSPC: ['disk-full', 'could not be written: the disk is full'],
  EDQUOT: ['disk-full', 'could not be written: the disk quota is exhausted'],
  EEXIST: ['exists', 'already exists'],
  EMFILE: ['io', 'could not be opened: too many open files'],
  ELOOP: ['outside-workspace', 'is a symbolic link loop'],
}

/**
 * Turns any thrown value into a FolioError. Node's system errors (ENOENT, EACCES, ENOSPC, ...)
 * become a sentence naming the path; a FolioError passes through unchanged.
 */
export function toFolioError(err: unknown, path?: string): FolioError {
  if (err instanceof FolioError) return err
  const code = (err as { code?: unknown } | null | undefined)?.code
  if (typeof code === 'string' && nodeErrorCodes[code]) {
    const [folioCode, sentence] = nodeErrorCodes[code]
    const subject = path ? `"${path}"` : 'The file'
    return new FolioError(folioCode, `${subject} ${sentence}.`, { path })
  }
  const message = err instanceof Error ? err.message : String(err)
  return new FolioError('internal', message || 'An unexpected error occurred.', { path })
}
