/**
 * Dollar amounts are not math. remark-math reads `a price of $5 and $10` as the formula "5 and "
 * between two dollars. As Pandoc does, inline math here needs a non-space character right after
 * its opening dollar and right before its closing one, and no digit right after the closing one;
 * a `$…$` that breaks this goes back to being Markdown: its two dollars as text, and what is
 * between them parsed as the inline Markdown it is (emphasis, links, code). `$$…$$` is left alone.
 */
import type { Nodes, Parent, PhrasingContent, Root, Text } from 'mdast'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import { remarkGfm } from './remarkGfm'

/** Whether the inline math written as `raw` (dollars included) and followed by `next` is math. */
function isDollarMath(raw: string, next: string | undefined): boolean {
  if (raw.startsWith('$$')) return true
  const inner = raw.slice(1, -1)
  return /^\S/.test(inner) && /\S$/.test(inner) && !/^[0-9]/.test(next ?? '')
}

/** Parses the text between two dollars with the pipeline's own syntax. */
const inlineParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath)

function withoutPositions(node: Nodes): void {
  delete node.position
  if ('children' in node) for (const child of node.children) withoutPositions(child)
}

/**
 * The inline Markdown `inner` holds, its dollar amounts checked again; null when it is not one
 * paragraph's worth of inline content (a line in it that starts a list, say).
 */
function inlineContent(inner: string): PhrasingContent[] | null {
  const root = inlineParser.parse(inner)
  const paragraph = root.children[0]
  if (root.children.length !== 1 || paragraph.type !== 'paragraph') return null
  restoreDollars(paragraph, inner)
  for (const child of paragraph.children) withoutPositions(child)
  return paragraph.children
}

/** `$` + the inline Markdown of `inner` + `$`, keeping the spaces at its ends. */
function dollarsAround(inner: string): PhrasingContent[] | null {
  const lead = /^\s*/.exec(inner)?.[0] ?? ''
  const tail = lead.length === inner.length ? '' : (/\s*$/.exec(inner)?.[0] ?? '')
  const middle = inner.slice(lead.length, inner.length - tail.length)
  const content = middle ? inlineContent(middle) : []
  if (!content) return null
  const text = (value: string): Text => ({ type: 'text', value })
  return [text(`$${lead}`), ...content, text(`${tail}$`)]
}

/** Turns the rejected `$…$` spans under `parent` (whose offsets are into `source`) back into Markdown. */
function restoreDollars(parent: Parent, source: string): void {
  for (let index = 0; index < parent.children.length; index++) {
    const child = parent.children[index]
    if (child.type !== 'inlineMath') {
      if ('children' in child) restoreDollars(child, source)
      continue
    }
    const start = child.position?.start.offset
    const end = child.position?.end.offset
    if (start === undefined || end === undefined) continue
    const raw = source.slice(start, end)
    if (isDollarMath(raw, source[end])) continue
    // Across lines the source holds container marks (`> `); the node's value does not.
    const inner = raw.includes('\n') ? child.value : raw.slice(1, -1)
    const nodes = dollarsAround(inner) ?? [{ type: 'text', value: raw }]
    parent.children.splice(index, 1, ...(nodes as typeof parent.children))
    index += nodes.length - 1
  }
}

export function remarkMathDollars() {
  return (tree: Root, file: VFile): void => {
    // NOTE: runs on every block the preview re-renders as the author types: no dollar, no walk.
    const source = String(file)
    if (source.includes('$')) restoreDollars(tree, source)
  }
}
