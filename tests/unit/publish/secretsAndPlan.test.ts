import { describe, expect, it } from 'vitest'
import { describeTarget, envSecretSource, secretEnvName } from '../../../src/core/publish'
import { planPublish, uploadPhase } from '../../../src/core/publish/publishPlan'
import type { LocalFile } from '../../../src/core/publish/localFiles'
import type { Workspace } from '../../../src/core/workspace'

const ws = { root: '/home/jane/blog' } as unknown as Workspace

function file(path: string, hash: string): LocalFile {
  return { path, absPath: `/site/${path}`, hash, size: hash.length }
}

describe('secret env names', () => {
  it('follows FOLIO_<NAME>_<KEY> with the key in UPPER_SNAKE', () => {
    expect(secretEnvName('bucket', 'accessKeyId')).toBe('FOLIO_BUCKET_ACCESS_KEY_ID')
    expect(secretEnvName('my-site.prod', 'token')).toBe('FOLIO_MY_SITE_PROD_TOKEN')
  })

  it('reads secrets from the environment, treating empty as unset', async () => {
    const source = envSecretSource({
      FOLIO_WEB_PASSWORD: 'hunter2',
      FOLIO_PAGES_TOKEN: '',
    })
    expect(await source('web', 'password')).toBe('hunter2')
    expect(await source('pages', 'token')).toBeUndefined()
    expect(await source('web', 'privateKey')).toBeUndefined()
  })
})

describe('describeTarget', () => {
  it('shows where each target goes without secrets', () => {
    expect(describeTarget(ws, { name: 'l', type: 'folder', path: '../public' }).location).toBe(
      '/home/jane/public',
    )
    expect(
      describeTarget(ws, {
        name: 'p',
        type: 'git',
        url: 'https://jane:ghp_SECRET@github.com/jane/x.git',
      }).location,
    ).toBe('https://github.com/jane/x.git (branch gh-pages)')
    expect(
      describeTarget(ws, {
        name: 'w',
        type: 'sftp',
        host: 'blog.example.com',
        user: 'deploy',
        path: '/var/www',
      }).location,
    ).toBe('sftp://deploy@blog.example.com/var/www')
    expect(
      describeTarget(ws, {
        name: 'b',
        type: 's3',
        bucket: 'blog',
        prefix: 'site/',
      }).location,
    ).toBe('s3://blog/site/')
  })
})

describe('planPublish', () => {
  it('orders assets, then pages deepest first, then feeds', () => {
    const site = ['feed.xml', 'index.html', 'posts/a/index.html', 'img/a.png', 'sitemap.xml'].map(
      (p) => file(p, p),
    )
    const plan = planPublish(site, new Map(), null)
    expect(plan.uploads.map((f) => f.path)).toEqual([
      'img/a.png',
      'posts/a/index.html',
      'index.html',
      'feed.xml',
      'sitemap.xml',
    ])
    expect(uploadPhase('robots.txt')).toBe(2)
  })

  it('trusts a matching remote tag and re-sends a file whose tag changed or vanished', () => {
    const previous = new Map([
      ['a.html', { hash: 'A', size: 1, remote: 'etag-a' }],
      ['b.html', { hash: 'B', size: 1, remote: 'etag-b' }],
      ['c.html', { hash: 'C', size: 1, remote: 'etag-c' }],
      ['gone.html', { hash: 'G', size: 1, remote: 'etag-g' }],
    ])
    const listing = new Map([
      ['a.html', { tag: 'etag-a' }],
      ['b.html', { tag: 'someone-else' }],
      ['gone.html', { tag: 'etag-g' }],
      ['theirs.txt', { tag: 'x' }],
    ])
    const plan = planPublish(
      [file('a.html', 'A'), file('b.html', 'B'), file('c.html', 'C')],
      previous,
      listing,
    )
    expect(plan.uploads.map((f) => f.path)).toEqual(['b.html', 'c.html'])
    expect(plan.added).toEqual(['c.html'])
    expect(plan.changed).toEqual(['b.html'])
    expect(plan.removed).toEqual(['gone.html'])
  })
})
