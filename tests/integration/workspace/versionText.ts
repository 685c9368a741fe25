/** Version `n` of a test article: big enough that a write takes a while, and self-describing. */
export function versionText(n: number): string {
  return `---\ntitle: version ${n}\n---\n${`word${n} `.repeat(40_000)}\n`
}

/** The version number a text claims to be, or null when it is not a complete version. */
export function versionOf(text: string): number | null {
  const m = /^---\ntitle: version (\d+)\n/.exec(text)
  if (!m) return null
  const n = Number(m[1])
  return text === versionText(n) ? n : null
}
