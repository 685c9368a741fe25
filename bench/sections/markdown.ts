/**
 * Markdown section: the shared remark/rehype pipeline on a 2,000- and a 50,000-word article, in
 * full and after a one-character edit in the middle, and the preview's incremental renderer
 * (`createIncrementalRenderer`) re-rendering after a typed letter, as the preview worker runs it.
 */
import { ChunkedText, createIncrementalRenderer, renderMarkdown } from '../../src/core/markdown'
import { blankFrontMatter } from '../../src/core/markdown/frontMatterRegion'
import type { BenchContext, BenchSection } from '../benchContext'
import { generateArticle, paragraphOffsetNear } from '../generate'
import { timeRuns } from '../stats'

async function measureArticle(ctx: BenchContext, seed: number, words: number) {
  const article = generateArticle(seed, { words })
  const text = article.markdown
  const at = paragraphOffsetNear(text, 0.5)
  /** The article with one letter typed in the middle; a different letter for each run. */
  const edited = (run: number) =>
    text.slice(0, at) + String.fromCharCode(97 + (run % 26)) + text.slice(at)
  const options = { sourceLines: true }
  const full = await timeRuns(ctx.runs, ctx.warmup, () => {
    renderMarkdown(text, options)
  })
  const fullAfterEdit = await timeRuns(ctx.runs, ctx.warmup, () => {
    renderMarkdown(edited(0), options)
  })
  // The preview worker's path: the renderer primed with the article as it was opened, held in
  // chunks; each run types one more letter there and passes it on as the edit.
  const incremental = createIncrementalRenderer(options)
  let chunked = ChunkedText.of(text)
  incremental.render(chunked)
  let run = 0
  let blocksRendered = 0
  const afterEdit = await timeRuns(ctx.runs * 5, ctx.warmup, () => {
    const started = performance.now()
    const edit = { from: at + run, to: at + run, insert: String.fromCharCode(97 + (run++ % 26)) }
    chunked = chunked.edit(edit.from, edit.to, edit.insert)
    const result = incremental.render(chunked, edit)
    const ms = performance.now() - started
    blocksRendered = Math.max(blocksRendered, result.rendered)
    return ms
  })
  const check = createIncrementalRenderer(options)
  check.render(text)
  return {
    words: article.words,
    bytes: Buffer.byteLength(text),
    fullRenderMs: full,
    fullRenderAfterOneCharEditMs: fullAfterEdit,
    incrementalRenderAfterOneCharEditMs: afterEdit,
    incrementalBlocksRenderedPerEdit: blocksRendered,
    // The preview renders the whole text with its front matter blanked into empty lines (so
    // source lines still match); the build renders the body alone. Compare like with like.
    incrementalEqualsFullRender:
      check.render(edited(0)).html === renderMarkdown(blankFrontMatter(edited(0)), options).html,
  }
}

/** The markdown section. */
export const markdownSection: BenchSection = {
  name: 'markdown',
  description:
    'renderMarkdown of 2,000- and 50,000-word articles, full and after a one-character edit; incremental re-render',
  async run(ctx) {
    ctx.log('markdown: 2,000-word article')
    const words2000 = await measureArticle(ctx, 2000, 2000)
    ctx.log('markdown: 50,000-word article')
    const words50000 = await measureArticle(ctx, 50000, 50000)
    return {
      words2000,
      words50000,
    }
  },
}
