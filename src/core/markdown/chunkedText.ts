/**
 * An article's text held as chunks of a few thousand characters, for the preview worker, which
 * keeps the article and applies the editor's keystrokes to it. A keystroke then makes a new chunk
 * or two instead of a new copy of the whole article: a 350 KB article copied on every keystroke
 * lands in the engine's large-object space, and that copy was most of the worker's time per key.
 */

/**
 * What the incremental split and renderer read of an article: its length, slices (with
 * `0 <= from <= to <= length`) and, when they need all of it, the whole text. A string is one.
 */
export interface TextSource {
  readonly length: number
  slice(from: number, to?: number): string
  toString(): string
}

/**
 * Chunks are cut to this many characters (16 KB as UTF-16, a small object to the engine), and an
 * edited chunk that grows past twice it is cut again.
 */
const chunkSize = 8192

/** The chunks of `text`, each `size` characters but the last. */
function cut(text: string, size: number): string[] {
  if (text.length <= size) return [text]
  const chunks: string[] = []
  for (let at = 0; at < text.length; at += size) chunks.push(text.slice(at, at + size))
  return chunks
}

export class ChunkedText implements TextSource {
  private whole: string | null = null

  private constructor(
    private readonly size: number,
    private readonly chunks: readonly string[],
    /** Offset of each chunk's first character. */
    private readonly starts: readonly number[],
    readonly length: number,
  ) {}

  /** `text` in chunks of `size` characters (smaller ones only in tests). */
  static of(text: string, size = chunkSize): ChunkedText {
    const chunks = cut(text, size)
    const made = new ChunkedText(
      size,
      chunks,
      chunks.map((_, i) => i * size),
      text.length,
    )
    made.whole = text
    return made
  }

  /** The index of the chunk holding offset `at` (the last chunk, for the text's end). */
  private chunkAt(at: number): number {
    let low = 0
    let high = this.chunks.length - 1
    while (low < high) {
      const mid = (low + high + 1) >>> 1
      if (this.starts[mid] <= at) low = mid
      else high = mid - 1
    }
    return low
  }

  slice(from: number, to: number = this.length): string {
    if (this.whole !== null) return this.whole.slice(from, to)
    if (to <= from) return ''
    const first = this.chunkAt(from)
    const last = this.chunkAt(to - 1)
    if (first === last)
      return this.chunks[first].slice(from - this.starts[first], to - this.starts[first])
    let out = this.chunks[first].slice(from - this.starts[first])
    for (let i = first + 1; i < last; i++) out += this.chunks[i]
    return out + this.chunks[last].slice(0, to - this.starts[last])
  }

  /** The whole text (made once, then kept). */
  toString(): string {
    this.whole ??= this.chunks.join('')
    return this.whole
  }

  /** This text with `from`..`to` replaced by `insert`; this one is left as it was. */
  edit(from: number, to: number, insert: string): ChunkedText {
    const first = this.chunkAt(from)
    // An edit ending where a chunk starts leaves that chunk alone.
    const last = to > from ? this.chunkAt(to - 1) : first
    const start = this.starts[first]
    let middle =
      this.chunks[first].slice(0, from - start) +
      insert +
      this.chunks[last].slice(to - this.starts[last])
    let before = first
    let after = last + 1
    // A chunk left short joins its neighbour, so deletions leave no crumbs.
    if (middle.length < this.size / 16) {
      if (after < this.chunks.length) middle += this.chunks[after++]
      else if (before > 0) middle = this.chunks[--before] + middle
    }
    const made =
      middle.length > 2 * this.size ? cut(middle, this.size) : middle === '' ? [] : [middle]
    const chunks = this.chunks.slice(0, before).concat(made, this.chunks.slice(after))
    const starts = this.starts.slice(0, before)
    let at = this.starts[before] ?? 0
    for (const chunk of made) {
      starts.push(at)
      at += chunk.length
    }
    const delta = insert.length - (to - from)
    for (let i = after; i < this.chunks.length; i++) starts.push(this.starts[i] + delta)
    if (chunks.length === 0) return ChunkedText.of('', this.size)
    return new ChunkedText(this.size, chunks, starts, this.length + delta)
  }
}
