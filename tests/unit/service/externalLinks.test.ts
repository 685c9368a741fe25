import { describe, expect, it } from 'vitest'
import { externalUrl } from '../../../src/main/externalLinks'

describe('links leaving the app', () => {
  it('open http, https and mailto', () => {
    expect(externalUrl('https://example.com/a')).toBe('https://example.com/a')
    expect(externalUrl('http://example.com')).toBe('http://example.com/')
    expect(externalUrl('mailto:jane@example.com')).toBe('mailto:jane@example.com')
  })

  it('refuse every other scheme and garbage', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'vbscript:x',
      'data:text/html,x',
      'not a url',
      'http://',
    ]) {
      expect(externalUrl(url)).toBeNull()
    }
  })
})
