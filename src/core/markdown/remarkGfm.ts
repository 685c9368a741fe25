/**
 * GitHub Flavored Markdown for the pipeline: exactly remark-gfm's parsing (the same micromark and
 * mdast extensions; the pipeline never writes Markdown back), with three shortcuts past work that
 * cannot find anything:
 *
 * - The search for autolink literals (`www.…`, `https://…`, e-mail addresses) in the tree is
 *   skipped for a document whose text outside links holds none of `@`, `www.`, `http://` and
 *   `https://`, without which no literal exists. It runs four regular expressions over every text
 *   node and took about a twelfth of a site build's Markdown time.
 * - A document without `@` is tokenized without the e-mail literal construct, which can only
 *   match text with an `@`. It started on every letter and digit, so it tried every word of every
 *   article and kept micromark from taking runs of plain text at once: a tenth to a quarter of
 *   the whole Markdown render.
 * - A document without `|`, `:-` or `-:` is tokenized without the table construct, which is tried
 *   at the start of every line: a table's delimiter row needs a pipe, or a colon beside a dash.
 *
 * This plugin therefore also sets the processor's parser (remark-parse's, with the micromark
 * extensions chosen per document).
 */
import type { Root, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal'
import { gfm } from 'micromark-extension-gfm'
import type { Construct, Extension } from 'micromark-util-types'
import type { Processor } from 'unified'

/**
 * Text that may hold an autolink literal: every URL literal has `www.` or `http(s)://`, every
 * e-mail, `mailto:` and `xmpp:` literal has `@` (see mdast-util-gfm-autolink-literal).
 */
const mayHoldLiteral = /@|www\.|https?:\/\//i

/** Whether a text node outside links and link references may hold an autolink literal. */
export function hasLiteralCandidate(node: Root | RootContent): boolean {
  if (node.type === 'text') return mayHoldLiteral.test(node.value)
  if (node.type === 'link' || node.type === 'linkReference') return false
  return 'children' in node && node.children.some(hasLiteralCandidate)
}

type Transform = NonNullable<
  ReturnType<typeof gfmAutolinkLiteralFromMarkdown>['transforms']
>[number]

/** The autolink-literal search of mdast-util-gfm-autolink-literal, to recognise it in the list. */
const literalSearch = gfmAutolinkLiteralFromMarkdown().transforms?.[0]

function skipWithoutCandidates(transform: Transform): Transform {
  return (tree, ...rest) => (hasLiteralCandidate(tree) ? transform(tree, ...rest) : undefined)
}

/** Construct maps of a micromark extension (the other fields are resolvers and settings). */
const constructFields = [
  'document',
  'contentInitial',
  'flowInitial',
  'flow',
  'string',
  'text',
] as const

/** `extension` without the constructs named `names` (e-mail literals, tables). */
export function withoutConstructs(extension: Extension, names: readonly string[]): Extension {
  const trimmed: Extension = { ...extension }
  for (const field of constructFields) {
    const map = extension[field]
    if (!map) continue
    const kept: Record<string, Construct[]> = {}
    for (const [code, constructs] of Object.entries(map)) {
      const list = [constructs]
        .flat()
        .filter(
          (construct): construct is Construct =>
            !!construct && !names.includes(construct.name ?? ''),
        )
      if (list.length > 0) kept[code] = list
    }
    trimmed[field] = kept as NonNullable<Extension[typeof field]>
  }
  return trimmed
}

/** Names of the GFM constructs `document` cannot use (see the list above). */
function constructsNotNeeded(document: string): string[] {
  const skip: string[] = []
  if (!document.includes('@')) skip.push('emailAutolink')
  if (!/\||:-|-:/.test(document)) skip.push('table')
  return skip
}

/** remark-gfm with its searches skipped where they cannot find anything (see above). */
export function remarkGfm(this: Processor): void {
  const data = this.data()
  const syntax = gfm()
  const trimmed = new Map<string, Extension>()
  const mdastExtensions = gfmFromMarkdown().map((extension) =>
    literalSearch && extension.transforms?.includes(literalSearch)
      ? {
          ...extension,
          transforms: extension.transforms.map((transform) =>
            transform === literalSearch ? skipWithoutCandidates(transform) : transform,
          ),
        }
      : extension,
  )
  ;(data.micromarkExtensions ??= []).push(syntax)
  ;(data.fromMarkdownExtensions ??= []).push(mdastExtensions)
  // remark-parse's parser, except that GFM comes without the constructs the document cannot use.
  // The extensions are read on every parse, as remark-parse does, so later plugins' count too.
  this.parser = (document: string): Root => {
    const skip = constructsNotNeeded(document)
    const key = skip.join(' ')
    let gfmSyntax = key ? trimmed.get(key) : syntax
    if (!gfmSyntax) trimmed.set(key, (gfmSyntax = withoutConstructs(syntax, skip)))
    const extensions = (data.micromarkExtensions ?? []).map((extension) =>
      extension === syntax ? (gfmSyntax as Extension) : extension,
    )
    return fromMarkdown(document, {
      ...data.settings,
      extensions,
      mdastExtensions: data.fromMarkdownExtensions ?? [],
    })
  }
}
