/**
 * Folio's sanitize schema: the allow-list every article's HTML passes through before it reaches
 * the preview or the published site. Anything not listed here is removed. Every allowance says
 * why it exists; the pipeline adds its own trusted markup (heading ids, KaTeX, highlighting)
 * only after this schema has run, so nothing here needs to admit `style` or event handlers.
 */
import type { Schema } from 'hast-util-sanitize'

// ARIA labels: harmless text that keeps user-written HTML accessible.
const aria = ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy']

/** The hast-util-sanitize schema Folio uses for all Markdown (including raw HTML in it). */
export const sanitizeSchema: Schema = {
  // Table parts only mean something inside a table; elsewhere they are dropped.
  ancestors: {
    tbody: ['table'],
    td: ['table'],
    th: ['table'],
    thead: ['table'],
    tfoot: ['table'],
    tr: ['table'],
  },
  attributes: {
    // Links: `href` (protocol-checked below) and the markers GFM footnotes put on their links.
    a: [
      ...aria,
      'href',
      'title',
      'dataFootnoteRef',
      'dataFootnoteBackref',
      ['className', 'data-footnote-backref'],
    ],
    // Quotations may cite their source URL (protocol-checked below).
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite'],
    ins: ['cite'],
    // Fenced code keeps its language class so highlighting and math rendering can find it;
    // `math-inline`/`math-display` are what remark-math emits for `$…$` and `$$…$$`.
    code: [['className', /^language-[\w+#.-]+$/, 'math-inline', 'math-display']],
    // Footnotes: the visually hidden "Footnotes" heading.
    h2: [['className', 'sr-only']],
    // Images: source (protocol-checked below; data: is narrowed to images by dataImageGuard),
    // text alternative, intrinsic size (prevents layout shift) and native lazy loading.
    img: [...aria, 'src', 'alt', 'title', 'width', 'height', ['loading', 'lazy', 'eager']],
    // Task lists: a disabled checkbox that shows whether the item is done.
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    li: [['className', 'task-list-item']],
    ol: [...aria, 'start', 'reversed', ['className', 'contains-task-list']],
    ul: [...aria, ['className', 'contains-task-list']],
    // The footnotes section GFM appends to an article.
    section: ['dataFootnotes', ['className', 'footnotes']],
    // Responsive images written by hand: <picture><source srcset>.
    source: ['srcSet', 'media', 'type'],
    // Table cell alignment (GFM `:---:`) and spans.
    td: ['align', 'colSpan', 'rowSpan'],
    th: ['align', 'colSpan', 'rowSpan', 'scope'],
    table: [...aria],
    // <details open> for collapsible sections.
    details: ['open'],
    // Machine-readable dates and abbreviations.
    time: ['dateTime'],
    abbr: ['title'],
    // Attributes any element may carry: anchor ids (prefixed, see clobber), language and
    // direction of a quotation, a tooltip.
    '*': ['id', 'lang', 'dir', 'title'],
  },
  // User-written ids and names get a prefix so they cannot clobber DOM globals
  // (`<img name="getElementById">`) in the preview or the published page.
  clobber: ['ariaDescribedBy', 'ariaLabelledBy', 'id', 'name'],
  clobberPrefix: 'user-content-',
  // URL protocols: only web links, mail and chat links; relative URLs always pass. No
  // javascript:, vbscript: or data: links. Images may also use `data:` (narrowed to image types
  // by dataImageGuard, which runs right after this schema).
  protocols: {
    href: ['http', 'https', 'mailto', 'tel', 'irc', 'ircs', 'xmpp'],
    cite: ['http', 'https'],
    src: ['http', 'https', 'data'],
    srcSet: ['http', 'https'],
  },
  // A checkbox from a task list must stay a disabled checkbox.
  required: {
    input: { type: 'checkbox', disabled: true },
  },
  // Elements removed together with their content (their text is code or chrome, not prose).
  strip: [
    'script',
    'style',
    'template',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'noscript',
    'noembed',
    'noframes',
    'textarea',
    'select',
    'title',
    'xmp',
    'plaintext',
    'svg',
    'math',
  ],
  // Elements kept. Everything else (form, button, link, meta, base, …) is unwrapped: its
  // text survives, the element and its attributes do not.
  tagNames: [
    // Headings and prose blocks.
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'blockquote',
    'hr',
    'br',
    'pre',
    'div',
    'span',
    'section',
    'details',
    'summary',
    'figure',
    'figcaption',
    // Lists, including definition lists and task list checkboxes.
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'input',
    // Inline text semantics.
    'a',
    'abbr',
    'b',
    'i',
    'em',
    'strong',
    'small',
    'mark',
    'cite',
    'q',
    'del',
    's',
    'strike',
    'ins',
    'u',
    'sub',
    'sup',
    'code',
    'kbd',
    'samp',
    'var',
    'time',
    'ruby',
    'rt',
    'rp',
    'tt',
    // Images.
    'img',
    'picture',
    'source',
    // Tables.
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
  ],
}

/** Whether a `data:` URL is an inline image that may stay in an `<img src>`; everything else goes. */
export function isAllowedImageDataUrl(url: string): boolean {
  return /^data:image\/(png|jpe?g|gif|webp|avif|svg\+xml)[;,]/i.test(url.trim())
}
