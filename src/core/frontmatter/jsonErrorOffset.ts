/**
 * Where JSON text first goes wrong. `JSON.parse` does not always say (V8 often names only the
 * token), and an author needs the line, so this small validator walks the grammar itself.
 */

/** Offset of the first JSON syntax error in `text`, or -1 when the text is valid JSON. */
export function jsonErrorOffset(text: string): number {
  let i = 0
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++
  }
  const fail = (): never => {
    throw i
  }
  const str = () => {
    i++
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++
      else if (text.charCodeAt(i) < 0x20) fail()
      i++
    }
    if (i >= text.length) fail()
    i++
  }
  const value = (): void => {
    ws()
    const ch = text[i]
    if (ch === '{') return container('}', true)
    if (ch === '[') return container(']', false)
    if (ch === '"') return str()
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    )
    if (!m) fail()
    i += m![0].length
  }
  const container = (close: string, isObject: boolean) => {
    i++
    ws()
    if (text[i] === close) {
      i++
      return
    }
    for (;;) {
      if (isObject) {
        ws()
        if (text[i] !== '"') fail()
        str()
        ws()
        if (text[i] !== ':') fail()
        i++
      }
      value()
      ws()
      if (text[i] === ',') {
        i++
        continue
      }
      if (text[i] === close) {
        i++
        return
      }
      fail()
    }
  }
  try {
    value()
    ws()
    return i < text.length ? i : -1
  } catch (offset) {
    if (typeof offset !== 'number') throw offset
    return offset
  }
}
