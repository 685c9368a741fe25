/**
 * The find panel's match count: "3 of 12" beside the find field (which match the selection is),
 * "12 matches", "No matches", or that a regular expression is invalid. Counted when the query,
 * the text or the selection has stood still for a moment, never inside a keystroke.
 */
import { getSearchQuery, searchPanelOpen, type SearchQuery } from '@codemirror/search'
import type { EditorState, Extension } from '@codemirror/state'
import { ViewPlugin, type EditorView, type ViewUpdate } from '@codemirror/view'

/** How many matches are counted at most: past it the count reads "10000+". */
export const maxCountedMatches = 10_000

/** How long the query, text and selection stand still before they are counted again. */
const countDelayMs = 150

/** The matches of a query: how many, and which of them the main selection is (1-based). */
export interface MatchCount {
  total: number
  current: number | null
  /** More matches follow the ones counted. */
  more: boolean
}

/** Counts the matches of `query` in `state`, up to `limit`. */
export function countMatches(
  state: EditorState,
  query: SearchQuery,
  limit = maxCountedMatches,
): MatchCount {
  const { from, to } = state.selection.main
  const cursor = query.getCursor(state)
  let total = 0
  let current: number | null = null
  for (let next = cursor.next(); !next.done; next = cursor.next()) {
    if (total === limit) return { total, current, more: true }
    total++
    if (next.value.from === from && next.value.to === to) current = total
  }
  return { total, current, more: false }
}

/** What the panel shows for a query: empty while there is nothing to find. */
export function matchCountText(state: EditorState, query: SearchQuery): string {
  if (!query.search) return ''
  if (!query.valid) return query.regexp ? 'Invalid regex' : ''
  const { total, current, more } = countMatches(state, query)
  const counted = `${total}${more ? '+' : ''}`
  if (total === 0) return 'No matches'
  if (current !== null) return `${current} of ${counted}`
  return `${counted} ${total === 1 && !more ? 'match' : 'matches'}`
}

class SearchCount {
  private timer: ReturnType<typeof setTimeout> | null = null
  private output: HTMLElement | null = null

  constructor(private readonly view: EditorView) {
    if (searchPanelOpen(view.state)) this.schedule()
  }

  update(update: ViewUpdate): void {
    if (!searchPanelOpen(update.state)) return
    const queryChanged = getSearchQuery(update.state) !== getSearchQuery(update.startState)
    const opened = !searchPanelOpen(update.startState)
    if (opened || queryChanged || update.docChanged || update.selectionSet) this.schedule()
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer)
  }

  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = setTimeout(() => this.show(), countDelayMs)
  }

  private show(): void {
    this.timer = null
    const panel = this.view.dom.querySelector('.cm-search')
    if (!panel || !searchPanelOpen(this.view.state)) return
    if (!this.output || !panel.contains(this.output)) this.output = this.mount(panel)
    this.output.textContent = matchCountText(this.view.state, getSearchQuery(this.view.state))
  }

  /** The count's place in the panel: after the find field's buttons, read out when it changes. */
  private mount(panel: Element): HTMLElement {
    const output = document.createElement('span')
    output.className = 'cm-search-count'
    output.setAttribute('aria-live', 'polite')
    output.setAttribute('data-testid', 'search-count')
    const after = panel.querySelector('button[name="select"]')
    if (after) after.after(output)
    else panel.append(output)
    return output
  }
}

/** The match count in the find panel (styled with the panel in the editor theme). */
export const searchCount = (): Extension => ViewPlugin.fromClass(SearchCount)
