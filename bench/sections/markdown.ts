/**
 * Markdown section: the shared remark/rehype pipeline on a 2,000- and a 50,000-word article, in
 * full and after a one-character edit in the middle.
 */
import * as markdown from '../../src/core/markdown'
import type { BenchContext, BenchSection } from '../benchContext'
import { generateArticle, paragraphOffsetNear } from '../generate'
import { timeRuns } from '../stats'

/**
 * The top-level block around `offset`: generated articles separate blocks by one blank line and
 * have no blank line inside a block, so the block is the text between the nearest blank lines.
 */
export function blockAround(text: string, offset: number): string {
  const start = text.lastIndexOf('\n\n', offset)
  const end = text.indexOf('\n\n', offset)
  return text.slice(start === -1 ? 0 : start + 2, end === -1 ? text.length : end)
}

async function measureArticle(ctx: BenchContext, seed: number, words: number) {
  const article = generateArticle(seed, { words })
  const text = article.markdown
  const at = paragraphOffsetNear(text, 0.5)
  const edited = text.slice(0, at) + 'x' + text.slice(at)
  const options = { sourceLines: true }
  const full = await timeRuns(ctx.runs, ctx.warmup, () => {
    markdown.renderMarkdown(text, options)
  })
  const fullAfterEdit = await timeRuns(ctx.runs, ctx.warmup, () => {
    markdown.renderMarkdown(edited, options)
  })
  // src/core/markdown exports no incremental renderer: this is the lower bound an incremental
  // renderer could reach, finding and re-rendering only the edited top-level block.
  const changedBlockOnly = await timeRuns(ctx.runs * 5, ctx.warmup, () => {
    markdown.renderMarkdown(blockAround(edited, at + 1), options)
  })
  return {
    words: article.words,
    bytes: Buffer.byteLength(text),
    fullRenderMs: full,
    fullRenderAfterOneCharEditMs: fullAfterEdit,
    changedTopLevelBlockOnlyRenderMs: changedBlockOnly,
  }
}

/** The markdown section. */
export const markdownSection: BenchSection = {
  name: 'markdown',
  description:
    'renderMarkdown of 2,000- and 50,000-word articles, full and after a one-character edit',
  async run(ctx) {
    const exported = Object.keys(markdown).sort()
    ctx.log('markdown: 2,000-word article')
    const words2000 = await measureArticle(ctx, 2000, 2000)
    ctx.log('markdown: 50,000-word article')
    const words50000 = await measureArticle(ctx, 50000, 50000)
    return {
      incrementalApi:
        'none exported by src/core/markdown; changedTopLevelBlockOnlyRenderMs renders only the edited block',
      markdownExports: exported,
      words2000,
      words50000,
    }
  },
}
