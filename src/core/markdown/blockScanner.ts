/**
 * The line scanner behind `splitBlocks`: walks an article line by line from a block start and
 * reports where the next blocks start. A block may start only at a line after a blank line, outside
 * fenced code, math, raw HTML and front matter, that neither continues a list nor is indented. The
 * scanner's state is empty at every block start, so a scan may begin at any earlier block start.
 */
import { frontMatterEnd } from './frontMatterRegion'

const enum Mode {
  Flow,
  Fence,
  /** Raw HTML that ends at a line holding a marker (comments, `<pre>`, `<script>`, ...). */
  HtmlUntilMarker,
  /** Raw HTML that ends at a blank line (`<div>`, a lone tag). */
  HtmlUntilBlank,
}

const fenceOpen = /^ {0,3}(`{3,}|~{3,}|\${2,})([^]*)$/
const listItem = /^ {0,3}([-+*]|\d{1,9}[.)])([ \t]+|$)/
const listCloser = /^ {0,3}(#{1,6}([ \t]|\r?$)|>|([-*_])([ \t]*\3){2,}[ \t]*\r?$)/
/** Lines that are not paragraph text (so the next line cannot continue them lazily). */
const notParagraph = /^(#{1,6}([ \t]|\r?$)|([-*_])([ \t]*\3){2,}[ \t]*\r?$)/
const htmlRaw = /^ {0,3}<(pre|script|style|textarea)(?=[\s>]|$)/i
const htmlRawEnd = /<\/(pre|script|style|textarea)>/i
const htmlBlockTag = /^ {0,3}<\/?([A-Za-z][A-Za-z0-9]*)(?=[\s>]|\/>|$)/
const htmlLoneTag =
  /^ {0,3}(<[A-Za-z][A-Za-z0-9-]*(\s+[A-Za-z_:][\w.:-]*(\s*=\s*([^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*\r?$/
/** HTML tags that open a raw HTML block even inside a paragraph (CommonMark's condition 6). */
const htmlBlockNames = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details ' +
    'dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 ' +
    'head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option ' +
    'p param search section summary table tbody td tfoot th thead title tr track ul'
  ).split(' '),
)

/** Called with each block start found after the first; returning true stops the scan. */
export type BlockStartVisitor = (offset: number, line: number) => boolean

/** How a scan ended. */
export interface ScanEnd {
  /** True when a visitor stopped it. */
  stopped: boolean
  /**
   * Offset of the line that opened fenced code, math or raw HTML still open at the end of the text
   * (anything appended would land inside it), or -1.
   */
  openAt: number
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c !== 32 && c !== 9 && c !== 13) return false
  }
  return true
}

function lineEnd(text: string, from: number): number {
  const at = text.indexOf('\n', from)
  return at < 0 ? text.length : at
}

/** Column width of the line's leading spaces and tabs. */
function indentOf(text: string, from: number, to: number): number {
  let column = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 32) column++
    else if (c === 9) column += 4 - (column % 4)
    else return column
  }
  return column
}

/** The column where a list item's content starts (the indent its continuation lines need). */
function listContentIndent(match: RegExpExecArray): number {
  const marker = match[0].length - match[2].length
  const spaces = match[2].replace(/\t/g, '    ').length
  return spaces === 0 || spaces > 4 ? marker + 1 : marker + spaces
}

/** Whether `line` closes a fence of `length` `char`s: the same char, at least as many, alone. */
function closesFence(line: string, char: string, length: number): boolean {
  let i = 0
  while (i < 3 && line.charCodeAt(i) === 32) i++
  let run = 0
  while (line[i + run] === char) run++
  if (run < length) return false
  return isBlank(line, i + run, line.length)
}

/**
 * Scans `text` from the block start at `offset` (1-based line `line`), calling `visit` for each
 * later block start. `atTop` says the scan starts at the top, where front matter may be.
 */
export function scanBlocks(
  text: string,
  offset: number,
  line: number,
  atTop: boolean,
  visit: BlockStartVisitor,
): ScanEnd {
  let mode = Mode.Flow
  let fenceChar = ''
  let fenceLength = 0
  let htmlEnd: string | RegExp = ''
  let openAt = -1
  let hasContent = false
  let listIndent = 0
  let prevBlank = true
  /** The last line was paragraph text, which the next line may continue lazily. */
  let paragraph = false
  /** Fenced code or math open inside a list item (which the item's end closes). */
  let listFence: { char: string; length: number } | null = null
  let pos = offset
  let ln = line

  if (atTop && offset === 0) {
    const end = frontMatterEnd(text)
    if (end < 0) return { stopped: false, openAt: 0 }
    for (let i = 0; i < end && i < text.length; i++) if (text.charCodeAt(i) === 10) ln++
    pos = end
  }

  while (pos <= text.length) {
    const end = lineEnd(text, pos)
    const blank = isBlank(text, pos, end)
    if (mode === Mode.Fence) {
      if (closesFence(text.slice(pos, end), fenceChar, fenceLength)) mode = Mode.Flow
    } else if (mode === Mode.HtmlUntilMarker) {
      const body = text.slice(pos, end)
      if (typeof htmlEnd === 'string' ? body.includes(htmlEnd) : htmlEnd.test(body))
        mode = Mode.Flow
    } else if (mode === Mode.HtmlUntilBlank && !blank) {
      // Raw HTML runs on to the next blank line.
    } else if (blank) {
      mode = Mode.Flow
      // Split before the next non-blank line if it starts an independent block.
      let next = end + 1
      let nextLine = ln + 1
      while (next <= text.length) {
        const to = lineEnd(text, next)
        if (!isBlank(text, next, to)) break
        next = to + 1
        nextLine++
      }
      if (next > text.length) break
      prevBlank = true
      paragraph = false
      if (hasContent) {
        const following = text.slice(next, lineEnd(text, next))
        const continues = /^\s/.test(following) || (listIndent > 0 && listItem.test(following))
        if (!continues) {
          if (visit(next, nextLine)) return { stopped: true, openAt: -1 }
          hasContent = false
          listIndent = 0
          listFence = null
          paragraph = false
        }
      }
      pos = next
      ln = nextLine
      continue
    } else {
      const indent = indentOf(text, pos, end)
      const body = text.slice(pos, end)
      let lazy: boolean = paragraph
      if (indent <= 3 && (listIndent === 0 || indent < listIndent)) {
        // A list item's fenced code ends with the item, at the first line indented less.
        const inListFence = listFence !== null
        listFence = null
        const opened = openerAt(body, !hasContent || prevBlank)
        lazy = !opened && !notParagraph.test(body.trimStart())
        if (opened) {
          listIndent = 0
          if (opened.mode !== Mode.Flow) {
            mode = opened.mode
            fenceChar = opened.fenceChar
            fenceLength = opened.fenceLength
            htmlEnd = opened.htmlEnd
            openAt = pos
          }
        } else {
          const item = listItem.exec(body)
          const content = item ? body.slice(item[0].length) : ''
          if (item) {
            lazy = content.trim() !== '' && !notParagraph.test(content) && !openerAt(content, false)
            listIndent = listContentIndent(item)
            listFence = fenceOf(content.trimStart())
          } else if (listIndent > 0 && (!paragraph || inListFence || listCloser.test(body))) {
            // A line that cannot continue a paragraph lazily ends the list.
            listIndent = 0
          }
        }
      } else if (listIndent > 0 && indent >= listIndent) {
        const inner = body.trimStart()
        if (listFence) {
          if (closesFence(inner, listFence.char, listFence.length)) listFence = null
          lazy = false
        } else {
          listFence = fenceOf(inner)
          lazy = listFence === null && !notParagraph.test(inner) && !openerAt(inner, false)
        }
      }
      paragraph = lazy
      hasContent = true
    }
    prevBlank = blank
    if (blank || mode !== Mode.Flow) paragraph = false
    pos = end + 1
    ln++
  }
  return {
    stopped: false,
    openAt: mode === Mode.Flow || mode === Mode.HtmlUntilBlank ? -1 : openAt,
  }
}

interface Opened {
  mode: Mode
  fenceChar: string
  fenceLength: number
  htmlEnd: string | RegExp
}

/** The fence a line opens (fenced code or math): its char and length, or null. */
function fenceOf(line: string): { char: string; length: number } | null {
  const fence = fenceOpen.exec(line)
  if (!fence) return null
  const char = fence[1][0]
  if (char !== '~' && fence[2].includes(char)) return null
  return { char, length: fence[1].length }
}

/**
 * What a line at block level opens: fenced code or math, or raw HTML. `mayStartLoneTag` is false
 * inside a paragraph, which a lone tag cannot interrupt. A raw HTML block closed on its own line
 * is reported as opening nothing further (mode Flow) but still closes a list.
 */
function openerAt(line: string, mayStartLoneTag: boolean): Opened | null {
  const first = line.trimStart().charCodeAt(0)
  if (first === 96 || first === 126 || first === 36) {
    const fence = fenceOf(line)
    if (!fence) return null
    return { mode: Mode.Fence, fenceChar: fence.char, fenceLength: fence.length, htmlEnd: '' }
  }
  if (first !== 60) return null
  const start = line.indexOf('<')
  const raw = htmlRaw.exec(line)
  if (raw) return untilMarker(line, raw[0].length, htmlRawEnd)
  if (line.startsWith('<!--', start)) return untilMarker(line, start + 4, '-->')
  if (line.startsWith('<?', start)) return untilMarker(line, start + 2, '?>')
  if (line.startsWith('<![CDATA[', start)) return untilMarker(line, start + 9, ']]>')
  if (/^<![A-Za-z]/.test(line.slice(start))) return untilMarker(line, start + 2, '>')
  const tag = htmlBlockTag.exec(line)
  if (
    (tag && htmlBlockNames.has(tag[1].toLowerCase())) ||
    (mayStartLoneTag && htmlLoneTag.test(line))
  )
    return { mode: Mode.HtmlUntilBlank, fenceChar: '', fenceLength: 0, htmlEnd: '' }
  return null
}

function untilMarker(line: string, after: number, end: string | RegExp): Opened {
  const rest = line.slice(after)
  const closed = typeof end === 'string' ? rest.includes(end) : end.test(rest)
  return {
    mode: closed ? Mode.Flow : Mode.HtmlUntilMarker,
    fenceChar: '',
    fenceLength: 0,
    htmlEnd: end,
  }
}
