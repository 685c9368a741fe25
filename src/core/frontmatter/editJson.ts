/**
 * Lossless edits of JSON front matter: a touched top-level member has only its value replaced;
 * removed members take their comma with them; new members copy the spacing of the others.
 */
import { applyEdits, type TextEdit } from './textEdit'

interface JsonMember {
  key: string
  keyStart: number
  valueStart: number
  valueEnd: number
}

function skipWs(text: string, i: number): number {
  while (i < text.length && ' \t\r\n'.includes(text[i])) i++
  return i
}

function skipString(text: string, i: number): number {
  let j = i + 1
  while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1
  return j + 1
}

function skipValue(text: string, i: number): number {
  if (text[i] === '"') return skipString(text, i)
  if (text[i] === '{' || text[i] === '[') {
    let depth = 0
    let j = i
    while (j < text.length) {
      const ch = text[j]
      if (ch === '"') {
        j = skipString(text, j)
        continue
      }
      if (ch === '{' || ch === '[') depth++
      else if (ch === '}' || ch === ']') {
        depth--
        if (depth === 0) return j + 1
      }
      j++
    }
    return j
  }
  let j = i
  while (j < text.length && !',}] \t\r\n'.includes(text[j])) j++
  return j
}

/** The top-level members of a JSON object text (assumed valid) and the offset of its closing `}`. */
function scanObject(text: string): { members: JsonMember[]; close: number } {
  const members: JsonMember[] = []
  let i = skipWs(text, text.indexOf('{') + 1)
  while (i < text.length && text[i] !== '}') {
    const keyEnd = skipString(text, i)
    const key = JSON.parse(text.slice(i, keyEnd)) as string
    const valueStart = skipWs(text, skipWs(text, keyEnd) + 1)
    const valueEnd = skipValue(text, valueStart)
    members.push({ key, keyStart: i, valueStart, valueEnd })
    i = skipWs(text, valueEnd)
    if (text[i] === ',') i = skipWs(text, i + 1)
  }
  return { members, close: i }
}

/** Edits the JSON front matter object `source`; its other bytes are kept. */
export function editJson(
  source: string,
  fields: Record<string, unknown>,
  lineBreak: string,
): string {
  JSON.parse(source)
  const { members, close } = scanObject(source)
  const edits: TextEdit[] = []
  const removed = new Set<number>()
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue
    const index = members.findIndex((m) => m.key === name)
    if (index === -1 || value === null) {
      if (index !== -1) removed.add(index)
      continue
    }
    const m = members[index]
    edits.push({ start: m.valueStart, end: m.valueEnd, insert: JSON.stringify(value) })
  }
  // Removing a member takes the separator before it (or after it, for the first survivor).
  const kept = members.filter((_, i) => !removed.has(i))
  members.forEach((m, i) => {
    if (!removed.has(i)) return
    const prevKept = members.slice(0, i).some((_, j) => !removed.has(j))
    const start = prevKept ? members[i - 1].valueEnd : m.keyStart
    const next = members[i + 1]
    const end = prevKept || !next ? m.valueEnd : next.keyStart
    edits.push({ start: Math.min(start, m.keyStart), end, insert: '' })
  })
  const added = Object.entries(fields).filter(
    ([name, value]) =>
      value !== null && value !== undefined && !members.some((m) => m.key === name),
  )
  if (added.length > 0) {
    const sep =
      members.length >= 2
        ? source.slice(members[0].valueEnd, members[1].keyStart)
        : `,${lineBreak}  `
    const text = added.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    const last = kept[kept.length - 1]
    if (last) edits.push({ start: last.valueEnd, end: last.valueEnd, insert: sep + text.join(sep) })
    else {
      const inner = `${lineBreak}  ${text.join(`,${lineBreak}  `)}${lineBreak}`
      edits.push({ start: source.indexOf('{') + 1, end: close, insert: inner })
    }
  }
  const edited = applyEdits(source, edits)
  JSON.parse(edited)
  return edited
}
