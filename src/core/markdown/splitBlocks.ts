/**
 * Splits an article into runs of top-level Markdown blocks that render the same alone as they do
 * in the whole document, so the preview can re-render only the runs that changed. A split is made
 * only at a blank line outside fenced code, math and front matter, where the next line starts a
 * new block (not an indented continuation, and not the next item of the same list).
 */

/** A run of source lines rendered as one unit. */
export interface MarkdownBlock {
  /** 1-based line of the block's first line in the article. */
  line: number
  text: string
}

const fenceOpen = /^ {0,3}(`{3,}|~{3,})/
const listItem = /^ {0,3}([-+*]|\d{1,9}[.)])(\s|$)/
const mathFence = /^ {0,3}\$\$/

function frontMatterEnd(lines: string[]): number {
  const first = lines[0]?.replace(/^\uFEFF/, '')
  const closer = first === '---' ? /^(---|\.\.\.)\s*$/ : first === '+++' ? /^\+\+\+\s*$/ : null
  if (!closer) return 0
  for (let i = 1; i < lines.length; i++) if (closer.test(lines[i])) return i + 1
  return lines.length
}

/** Splits `markdown` into blocks; joining their texts with '\n' gives back `markdown`. */
export function splitBlocks(markdown: string): MarkdownBlock[] {
  const lines = markdown.split('\n')
  const blocks: MarkdownBlock[] = []
  let start = 0
  let fence: string | null = null
  let inMath = false
  let firstOfBlock: string | null = null
  let i = frontMatterEnd(lines)

  for (; i < lines.length; i++) {
    const line = lines[i]
    if (fence) {
      if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(line))
        fence = null
      continue
    }
    if (inMath) {
      if (mathFence.test(line)) inMath = false
      continue
    }
    const open = fenceOpen.exec(line)
    if (open) {
      fence = open[1]
      firstOfBlock ??= line
      continue
    }
    if (mathFence.test(line) && !/^ {0,3}\$\$.*\$\$\s*$/.test(line.trim() === '$$' ? '' : line)) {
      inMath = true
      firstOfBlock ??= line
      continue
    }
    if (line.trim() !== '') {
      firstOfBlock ??= line
      continue
    }
    // A blank line: split before the next non-blank line if it starts an independent block.
    let next = i + 1
    while (next < lines.length && lines[next].trim() === '') next++
    if (next >= lines.length || firstOfBlock === null) continue
    const following = lines[next]
    const continues =
      /^(\s|\t)/.test(following) || (listItem.test(firstOfBlock) && listItem.test(following))
    if (continues) continue
    blocks.push({ line: start + 1, text: lines.slice(start, next).join('\n') })
    start = next
    firstOfBlock = null
    i = next - 1
  }
  blocks.push({ line: start + 1, text: lines.slice(start).join('\n') })
  return blocks
}
