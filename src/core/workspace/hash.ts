/** Content versions: the identity of a file's bytes, independent of timestamps. */
import { createHash } from 'node:crypto'

/** sha256 hex of `bytes`; two texts are the same version exactly when their bytes are equal. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}
