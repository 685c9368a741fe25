/**
 * Front matter in the editor: a leading `---` (YAML) or `+++` (TOML) block is parsed as one
 * FrontMatter node, shown set apart in a quieter style, instead of as a rule and a setext heading.
 */
import type { MarkdownConfig } from '@lezer/markdown'
import { tags as t } from '@lezer/highlight'

/** The lezer-markdown extension that recognises front matter at the very start of a document. */
export const frontMatterSyntax: MarkdownConfig = {
  defineNodes: [
    { name: 'FrontMatter', block: true, style: t.meta },
    { name: 'FrontMatterMark', style: t.processingInstruction },
  ],
  parseBlock: [
    {
      name: 'FrontMatter',
      before: 'HorizontalRule',
      parse(cx, line) {
        if (cx.lineStart !== 0) return false
        const fence = line.text.trimEnd()
        if (fence !== '---' && fence !== '+++') return false
        const start = cx.lineStart
        const marks = [cx.elt('FrontMatterMark', start, start + 3)]
        while (cx.nextLine()) {
          const text = line.text.trimEnd()
          if (text === fence || (fence === '---' && text === '...')) {
            marks.push(cx.elt('FrontMatterMark', cx.lineStart, cx.lineStart + text.length))
            cx.nextLine()
            break
          }
        }
        cx.addElement(cx.elt('FrontMatter', start, cx.prevLineEnd(), marks))
        return true
      },
    },
  ],
}
