/**
 * Hugo, for comparison: a minimal Hugo site with the same Markdown as a generated Folio workspace,
 * and running `hugo` on it when it is installed (the bench works without it).
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { GeneratedArticle } from './generate'
import { writeFiles } from './generate'

const run = promisify(execFile)

const head = `<!doctype html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ .Site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>`

const foot = `</main>
<footer>{{ .Site.Title }}</footer>
</body>
</html>
`

/** An article page: title, lede, date, reading time, tags, body, related articles, prev/next. */
const single = `${head}
<article>
<h1>{{ .Title }}</h1>
<p class="lede">{{ .Description }}</p>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time> · {{ .ReadingTime }} min read</p>
<ul class="tags">{{ range .Params.tags }}<li><a href="{{ printf "tags/%s/" (urlize .) | relURL }}">{{ . }}</a></li>{{ end }}</ul>
{{ .Content }}
</article>
<aside><h2>Related articles</h2><ul>{{ range first 3 (.Site.RegularPages.Related .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></aside>
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
${foot}`

/** Home, section, tag and tag-list pages: a paginated list of titles, dates and descriptions. */
const list = `${head}
<h1>{{ .Title }}</h1>
{{ range .Paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><time>{{ .Date.Format "2 January 2006" }}</time><p>{{ .Description }}</p></article>
{{ end }}
{{ template "_internal/pagination.html" . }}
${foot}`

const config = (title: string, baseUrl: string) => `baseURL = '${baseUrl}'
languageCode = 'en'
title = '${title}'
paginate = 10
[taxonomies]
tag = 'tags'
[params]
description = 'A generated blog for measuring Folio.'
`

/** Writes a Hugo site at `root` whose `content/posts` holds the same Markdown files as `articles`. */
export async function writeHugoSite(
  root: string,
  articles: GeneratedArticle[],
  site: { title: string; baseUrl: string },
): Promise<void> {
  await writeFiles(root, [
    ['hugo.toml', config(site.title, site.baseUrl)],
    ['layouts/_default/single.html', single],
    ['layouts/_default/list.html', list],
    ...articles.map((a): [string, string] => [`content/posts/${a.slug}.md`, a.markdown]),
  ])
}

/** `hugo version`'s first line when Hugo is on the PATH, otherwise null. */
export async function hugoVersion(): Promise<string | null> {
  try {
    const { stdout } = await run('hugo', ['version'])
    return stdout.trim().split('\n')[0]
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

/** Builds the Hugo site at `root` into `outDir`; rejects with Hugo's own output when it fails. */
export async function runHugo(root: string, outDir: string): Promise<void> {
  try {
    await run('hugo', ['--quiet', '--source', root, '--destination', outDir], {
      maxBuffer: 16 * 1024 * 1024,
    })
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? ''
    throw new Error(`hugo failed: ${stderr.trim() || (err as Error).message}`)
  }
}
