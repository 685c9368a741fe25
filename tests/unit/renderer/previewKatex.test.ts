import { describe, expect, it } from 'vitest'
import { composePreviewDocument } from '../../../src/renderer/src/preview/previewDocument'

describe('the preview document', () => {
  it("carries KaTeX's stylesheet, so formulas look as on the site and their MathML copy stays hidden", () => {
    const doc = composePreviewDocument(
      '<html><head></head><body></body></html>',
      '',
      'folio-asset://workspace/',
    )
    expect(doc).toMatch(/<style data-folio-katex>[^<]*\.katex-mathml\{[^}]*position:absolute/)
  })
})
