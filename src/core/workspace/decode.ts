/** Turning an article's bytes into text, refusing binary files and invalid UTF-8. */
import { FolioError } from '../errors'

/** Largest article Folio opens for editing, in bytes. */
export const maxArticleBytes = 20 * 1024 * 1024

/**
 * Decodes UTF-8 `bytes` (a BOM is kept, so text -> bytes round-trips exactly). Throws FolioError
 * 'unreadable' for bytes containing NUL or invalid UTF-8. `final` false allows a cut-off last char.
 */
export function decodeArticle(bytes: Uint8Array, relPath: string, final = true): string {
  if (bytes.includes(0)) {
    throw new FolioError(
      'unreadable',
      `"${relPath}" looks like a binary file, not Markdown text; Folio will not open it for editing.`,
      { path: relPath },
    )
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, {
      stream: !final,
    })
  } catch (err) {
    if (!(err instanceof TypeError)) throw err
    throw new FolioError(
      'unreadable',
      `"${relPath}" is not valid UTF-8 text; convert it to UTF-8 to edit it in Folio.`,
      { path: relPath },
    )
  }
}
