/** The words and names generated articles are made of: plain English about writing and the web. */

/** Common words that sentences are drawn from. */
export const words: readonly string[] = (
  'the a an and or but of to in on for with from by about as at into over after before while ' +
  'blog post article writer reader page site static build theme template style layout font color ' +
  'markdown heading paragraph list table image link code block quote note draft publish server ' +
  'host folder file path branch commit deploy cache hash index feed search tag archive author ' +
  'morning evening week month year season garden kitchen coffee bread walk river mountain city ' +
  'train bicycle book library music song window light shadow rain snow summer winter autumn ' +
  'spring idea question answer problem solution detail example reason result change version ' +
  'simple quick careful quiet bright small large old new early late clear honest useful gentle ' +
  'steady curious patient practical modern classic personal public private local remote ' +
  'write read edit render preview save open close start finish learn teach share keep try ' +
  'make find show tell think remember notice explain describe compare measure improve test ' +
  'every some many few most each other same different first last next good better best ' +
  'really often always never sometimes usually almost nearly just still already again ' +
  'because although whenever unless until since though therefore instead perhaps indeed ' +
  'people friend family team community neighbour teacher student editor designer developer ' +
  'story history future moment detail pattern habit routine process method tool workflow ' +
  'keyboard screen editor browser terminal network database script function variable value'
).split(' ')

/** Tags articles are labelled with; a few are frequent, most are rare, as on real blogs. */
export const tags: readonly string[] = [
  'writing',
  'web',
  'notes',
  'travel',
  'cooking',
  'books',
  'music',
  'photography',
  'code',
  'typescript',
  'markdown',
  'design',
  'productivity',
  'garden',
  'family',
  'hiking',
  'cycling',
  'coffee',
  'history',
  'science',
  'open-source',
  'linux',
  'security',
  'performance',
  'css',
  'javascript',
  'rust',
  'go',
  'python',
  'databases',
  'devops',
  'accessibility',
  'typography',
  'film',
  'podcasts',
  'learning',
  'teaching',
  'health',
  'running',
  'weekly',
]

/** Languages for fenced code blocks, with a line of plausible code in each. */
export const codeSamples: readonly { lang: string; lines: readonly string[] }[] = [
  {
    lang: 'ts',
    lines: [
      'const total = items.reduce((sum, item) => sum + item.size, 0)',
      'export function slug(title: string): string {',
      '  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-")',
      '}',
    ],
  },
  {
    lang: 'python',
    lines: [
      'def word_count(text):',
      '    return len(text.split())',
      '',
      'print(word_count("hello world"))',
    ],
  },
  { lang: 'bash', lines: ['npm install', 'folio build --drafts', 'ls -la public/ | head'] },
  { lang: 'css', lines: ['body {', '  font-family: Georgia, serif;', '  line-height: 1.6;', '}'] },
  { lang: 'json', lines: ['{', '  "title": "Hello",', '  "tags": ["web", "notes"]', '}'] },
]
