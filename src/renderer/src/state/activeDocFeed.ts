/**
 * ActiveDocFeed: the text of the article shown in the editor, for the panes that follow it
 * (preview, outline, status bar) without re-rendering the whole React tree on each keystroke.
 */
import type { EditorState } from '@codemirror/state'

/** The active article: its path and its current editor state. */
export interface ActiveDoc {
  path: string
  state: EditorState
}

export class ActiveDocFeed {
  private current: ActiveDoc | null = null
  private readonly listeners = new Set<(doc: ActiveDoc | null) => void>()

  /** The latest active document, or null when no article is open. */
  get value(): ActiveDoc | null {
    return this.current
  }

  /** Publishes a new active document to every subscriber. */
  set(doc: ActiveDoc | null): void {
    this.current = doc
    for (const listener of this.listeners) listener(doc)
  }

  /** Calls `listener` now and on every change; returns the unsubscriber. */
  subscribe(listener: (doc: ActiveDoc | null) => void): () => void {
    this.listeners.add(listener)
    listener(this.current)
    return () => this.listeners.delete(listener)
  }
}
