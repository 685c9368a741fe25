/**
 * Lossless edits of YAML front matter: each touched top-level field is rewritten in place (its
 * quoting and list style kept where the new value allows); every other byte stays as it was.
 */
import {
  Document,
  visit,
  type Alias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  type Node as YamlNode,
} from 'yaml'
import { applyEdits, lineEndOf, lineStartOf, trimEndOffset, type TextEdit } from './textEdit'

type FieldValue = unknown

function plainValue(value: FieldValue): unknown {
  return value instanceof Date ? value.toISOString() : value
}

/** `key: value` as YAML, in the style of the node it replaces; no trailing line break. */
function serialize(
  keySource: string,
  value: FieldValue,
  old: YamlNode | null,
  keyColumn: number,
  oldSource: string,
): string {
  const doc = new Document({ k: plainValue(value) })
  const pair = isMap(doc.contents) ? doc.contents.items[0] : undefined
  const node = pair?.value
  if (
    isScalar(node) &&
    isScalar(old) &&
    typeof node.value === 'string' &&
    !node.value.includes('\n')
  ) {
    if (old.type === Scalar.QUOTE_DOUBLE || old.type === Scalar.QUOTE_SINGLE) node.type = old.type
  }
  let indentSeq = true
  let flowCollectionPadding = true
  if (isSeq(node) && isSeq(old)) {
    if (old.flow) {
      node.flow = true
      // `[a, b]` or `[ a, b ]`: keep the author's spacing inside the brackets.
      flowCollectionPadding = old.range ? /^[[{]\s/.test(oldSource.slice(old.range[0])) : true
    }
    const first = old.items[0] as YamlNode | undefined
    if (!old.flow && first?.range) {
      const dash = lineStartOf(oldSource, first.range[0])
      indentSeq = oldSource.slice(dash, first.range[0]).replace(/-\s*$/, '').length > keyColumn
    }
  }
  const out = doc.toString({ lineWidth: 0, indentSeq, flowCollectionPadding }).replace(/\n$/, '')
  return keySource + out.slice(1)
}

/**
 * Other fields that repeat this field's value through a YAML alias (`title: &t Hello`,
 * `og_title: *t`) keep the value they had: each alias is written out as the old value. Throws
 * when that cannot be done in one line (an anchored list or map, or the field being removed).
 */
function aliasesKept(
  doc: Document,
  key: string,
  old: YamlNode | null,
  value: FieldValue,
  source: string,
): TextEdit[] {
  const anchor = old?.anchor
  if (!anchor) return []
  const aliases: Alias[] = []
  visit(doc, {
    Alias(_, node) {
      if (node.source === anchor) aliases.push(node)
    },
  })
  if (aliases.length === 0) return []
  if (value === null || !isScalar(old) || !old.range) {
    throw new Error(
      `"${key}" is anchored (&${anchor}) and other fields repeat it (*${anchor}); edit it in the text so they keep their value.`,
    )
  }
  const literal = source.slice(old.range[0], trimEndOffset(source, old.range[0], old.range[1]))
  if (literal.includes('\n')) {
    throw new Error(
      `"${key}" is anchored (&${anchor}) over several lines and other fields repeat it (*${anchor}); edit it in the text so they keep their value.`,
    )
  }
  return aliases.flatMap((alias) =>
    alias.range
      ? [{ start: alias.range[0], end: alias.range[0] + 1 + anchor.length, insert: literal }]
      : [],
  )
}

/** Edits the YAML front matter content `source` (between the fences); throws if it has errors. */
export function editYaml(
  source: string,
  fields: Record<string, FieldValue>,
  lineBreak: string,
): string {
  const doc = parseDocument(source, { uniqueKeys: true })
  if (doc.errors.length > 0) throw new Error(doc.errors[0].message)
  const root = doc.contents
  if (root !== null && (!isMap(root) || root.flow)) {
    throw new Error('Front matter must be a block of "key: value" fields to be edited.')
  }
  const pairs = root ? root.items : []
  const edits: TextEdit[] = []
  /** Aliases written out; those inside a field this call rewrites anyway are left to it. */
  const aliasEdits: TextEdit[] = []
  let appended = ''
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    const pair = pairs.find((p) => isScalar(p.key) && String(p.key.value) === key)
    if (!pair) {
      if (value !== null)
        appended += serialize(new Document(key).toString().trimEnd(), value, null, 0, source) + '\n'
      continue
    }
    const keyNode = pair.key as Scalar
    const old = (pair.value as YamlNode | null) ?? null
    aliasEdits.push(...aliasesKept(doc, key, old, value, source))
    const start = keyNode.range![0]
    const rawEnd = old?.range ? old.range[1] : keyNode.range![1]
    const end = trimEndOffset(source, start, rawEnd)
    if (value === null) {
      edits.push({ start: lineStartOf(source, start), end: lineEndOf(source, end), insert: '' })
    } else {
      const keySource = source.slice(start, keyNode.range![1])
      const column = start - lineStartOf(source, start)
      const line = serialize(keySource, value, old, column, source)
      const inline = /^: ([^\n]*)$/.exec(line.slice(keySource.length))
      if (isScalar(old) && old.range && old.range[1] > old.range[0] && inline) {
        // Only the value changes: the spacing after the colon stays as the author wrote it.
        edits.push({
          start: old.range[0],
          end: trimEndOffset(source, old.range[0], old.range[1]),
          insert: inline[1],
        })
      } else edits.push({ start, end, insert: line })
    }
  }
  for (const alias of aliasEdits) {
    const inside = edits.some((edit) => alias.start < edit.end && edit.start < alias.end)
    if (!inside) edits.push(alias)
  }
  if (appended) {
    const needsBreak = source.length > 0 && !source.endsWith('\n')
    edits.push({
      start: source.length,
      end: source.length,
      insert: (needsBreak ? '\n' : '') + appended,
    })
  }
  // CRLF files get CRLF in the inserted text too; untouched text keeps its own line breaks.
  const final =
    lineBreak === '\r\n'
      ? edits.map((e) => ({ ...e, insert: e.insert.replace(/\r?\n/g, '\r\n') }))
      : edits
  return applyEdits(source, final)
}
