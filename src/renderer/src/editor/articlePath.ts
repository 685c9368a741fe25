/**
 * The workspace-relative path of the article an editor state holds, so editor features that
 * depend on where the article lives (relative links, image imports) can read it from the state.
 */
import { StateEffect, StateField } from '@codemirror/state'
import type { EditorState } from '@codemirror/state'

/** Moves the state to a new path (the article was renamed). */
export const setArticlePath = StateEffect.define<string>()

/** Holds the article's path; created with `articlePathField.init(() => path)`. */
export const articlePathField = StateField.define<string>({
  create: () => '',
  update: (value, tr) => {
    for (const effect of tr.effects) if (effect.is(setArticlePath)) return effect.value
    return value
  },
})

/** The article path of `state`, or '' when the state was built without one. */
export function articlePathOf(state: EditorState): string {
  return state.field(articlePathField, false) ?? ''
}
