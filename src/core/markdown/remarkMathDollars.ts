/**
 * Dollar amounts are not math. remark-math reads `a price of $5 and $10` as the formula "5 and "
 * between two dollars. As Pandoc does, inline math here needs a non-space character right after
 * its opening dollar and right before its closing one, and no digit right after the closing one;
 * a `$…$` that breaks this goes back to the text it was written as. `$$…$$` is left alone.
 */
import type { Nodes, Root } from 'mdast'
import type { VFile } from 'vfile'

/** Whether the inline math written as `raw` (dollars included) and followed by `next` is math. */
export function isDollarMath(raw: string, next: string | undefined): boolean {
  if (raw.startsWith('$$')) return true
  const inner = raw.slice(1, -1)
  return /^\S/.test(inner) && /\S$/.test(inner) && !/^[0-9]/.test(next ?? '')
}

export function remarkMathDollars() {
  return (tree: Root, file: VFile): void => {
    const source = String(file)
    const walk = (node: Nodes): void => {
      if (!('children' in node)) return
      node.children.forEach((child, index) => {
        if (child.type !== 'inlineMath') return walk(child)
        const start = child.position?.start.offset
        const end = child.position?.end.offset
        if (start === undefined || end === undefined) return
        const raw = source.slice(start, end)
        if (isDollarMath(raw, source[end])) return
        node.children[index] = { type: 'text', value: raw, position: child.position }
      })
    }
    walk(tree)
  }
}
