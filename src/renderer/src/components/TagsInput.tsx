/** Tags as removable chips plus an input that completes from the workspace's tags. */
import { useId, useState } from 'react'

/** Props: the tags, the suggestions (every tag in the workspace), and the change handler. */
export interface TagsInputProps {
  tags: readonly string[]
  suggestions: readonly string[]
  onChange: (tags: string[]) => void
}

/** Enter, comma or Tab adds the typed tag; Backspace in an empty input removes the last one. */
export function TagsInput({ tags, suggestions, onChange }: TagsInputProps) {
  const [draft, setDraft] = useState('')
  const listId = useId()
  const add = (value: string) => {
    const tag = value.trim().replace(/,$/, '').trim()
    setDraft('')
    if (tag && !tags.includes(tag)) onChange([...tags, tag])
  }
  return (
    <div className="tags-input" data-testid="fm-tags">
      {tags.map((tag) => (
        <span key={tag} className="tag-chip" data-testid="fm-tag">
          {tag}
          <button
            type="button"
            aria-label={`Remove tag ${tag}`}
            onClick={() => onChange(tags.filter((other) => other !== tag))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        list={listId}
        data-testid="fm-tag-input"
        aria-label="Add a tag"
        placeholder={tags.length ? '' : 'Add tags'}
        value={draft}
        onChange={(event) => {
          const value = event.target.value
          // Picking a suggestion from the list replaces the whole value: take it at once.
          const picked = (event.nativeEvent as InputEvent).inputType === 'insertReplacementText'
          if (value.endsWith(',') || (picked && suggestions.includes(value))) add(value)
          else setDraft(value)
        }}
        onKeyDown={(event) => {
          if ((event.key === 'Enter' || event.key === 'Tab') && draft.trim()) {
            event.preventDefault()
            add(draft)
          } else if (event.key === 'Backspace' && !draft && tags.length) {
            onChange(tags.slice(0, -1))
          }
        }}
        onBlur={() => draft.trim() && add(draft)}
      />
      <datalist id={listId}>
        {suggestions
          .filter((tag) => !tags.includes(tag))
          .map((tag) => (
            <option key={tag} value={tag} />
          ))}
      </datalist>
    </div>
  )
}
