/**
 * GitHub Flavored Markdown for the pipeline: exactly remark-gfm's parsing (the same micromark and
 * mdast extensions; the pipeline never writes Markdown back), except that the search for autolink
 * literals (`www.…`, `https://…`, e-mail addresses) is skipped for a document whose text outside
 * links holds none of `@`, `www.`, `http://` and `https://`, without which no literal exists. The
 * search runs four regular expressions over every text node and took about a twelfth of a site
 * build's Markdown time; most articles have no literal to find.
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

/** Name of the e-mail autolink literal construct in micromark-extension-gfm-autolink-literal. */
const emailConstruct = 'emailAutolink'

/** `extension` (GFM's combined syntax) without the e-mail literal construct. */
export function withoutEmailLiterals(extension: Extension): Extension {
  const text: NonNullable<Extension['text']> = {}
  for (const [code, constructs] of Object.entries(extension.text ?? {})) {
    const kept = [constructs]
      .flat()
      .filter(
        (construct): construct is Construct => !!construct && construct.name !== emailConstruct,
      )
    if (kept.length > 0) text[code as unknown as number] = kept
  }
  return { ...extension, text }
}

/** remark-gfm with its two searches skipped where they cannot find anything (see above). */
export function remarkGfm(this: Processor): void {
  const data = this.data()
  const syntax = gfm()
  const syntaxWithoutEmail = withoutEmailLiterals(syntax)
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
  // remark-parse's parser, except that a document without `@` gets GFM without e-mail literals.
  // The extensions are read on every parse, as remark-parse does, so later plugins' count too.
  this.parser = (document: string): Root => {
    const extensions = data.micromarkExtensions ?? []
    return fromMarkdown(document, {
      ...data.settings,
      extensions: document.includes('@')
        ? extensions
        : extensions.map((extension) => (extension === syntax ? syntaxWithoutEmail : extension)),
      mdastExtensions: data.fromMarkdownExtensions ?? [],
    })
  }
}
