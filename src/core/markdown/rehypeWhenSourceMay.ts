/**
 * Runs a rehype transform only on Markdown that can give it something to do. KaTeX and the code
 * highlighter each walk every element of every article to find their few candidates; most
 * articles have no math, and many have no fenced code, so the walk found nothing. Each test below
 * is on the Markdown source and only says "cannot": when it passes, the transform runs as before.
 */
import type { Root } from 'hast'
import rehypeHighlight from 'rehype-highlight'
import rehypeKatex from 'rehype-katex'
import type { VFile } from 'vfile'

type Transform = (tree: Root, file: VFile) => Root | undefined | void

/**
 * Math is `$…$`/`$$…$$` (remark-math), a ```` ```math ```` fence or raw HTML with a `math-inline`,
 * `math-display` or `language-math` class (what rehype-katex looks for): `$` or `math` in the text.
 */
export function mayHoldMath(markdown: string): boolean {
  return markdown.includes('$') || markdown.includes('math')
}

/**
 * Highlighting needs `<pre><code>` with a `language-…`/`lang-…` class: a fenced code block with an
 * info string (``` or ~~~) or raw HTML naming the class.
 */
export function mayHoldHighlightedCode(markdown: string): boolean {
  return markdown.includes('```') || markdown.includes('~~~') || markdown.includes('lang')
}

function onlyWhen(transform: Transform, may: (markdown: string) => boolean): Transform {
  return (tree, file) => (may(String(file.value)) ? transform(tree, file) : tree)
}

/** rehype-katex, run only where math may be. */
export function rehypeKatexWhenMath(options: Parameters<typeof rehypeKatex>[0]) {
  return onlyWhen(rehypeKatex(options) as Transform, mayHoldMath)
}

/** rehype-highlight, run only where a code block may name its language. */
export function rehypeHighlightWhenCode(options?: Parameters<typeof rehypeHighlight>[0]) {
  return onlyWhen(rehypeHighlight(options) as Transform, mayHoldHighlightedCode)
}
