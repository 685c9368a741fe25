/** The formatting toolbar above the editor; each button runs the same command as its shortcut. */
import { importImageFiles } from '../editor/imageImport'
import { openSearchPanel } from '@codemirror/search'
import type { StateCommand } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import {
  insertCodeBlock,
  insertHorizontalRule,
  insertImage,
  insertLink,
  insertTable,
} from '../editor/commands/insertBlock'
import {
  setHeading,
  toggleBulletList,
  toggleOrderedList,
  toggleQuote,
  toggleTaskList,
} from '../editor/commands/lineFormat'
import {
  toggleBold,
  toggleInlineCode,
  toggleItalic,
  toggleStrikethrough,
} from '../editor/commands/toggleInlineMarker'

interface ToolbarItem {
  id: string
  label: string
  title: string
  command: StateCommand
  className?: string
}

const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+'

const groups: ToolbarItem[][] = [
  [
    { id: 'h1', label: 'H1', title: `Heading 1 (${mod}1)`, command: setHeading(1) },
    { id: 'h2', label: 'H2', title: `Heading 2 (${mod}2)`, command: setHeading(2) },
    { id: 'h3', label: 'H3', title: `Heading 3 (${mod}3)`, command: setHeading(3) },
  ],
  [
    { id: 'bold', label: 'B', title: `Bold (${mod}B)`, command: toggleBold, className: 'tb-bold' },
    {
      id: 'italic',
      label: 'I',
      title: `Italic (${mod}I)`,
      command: toggleItalic,
      className: 'tb-italic',
    },
    {
      id: 'strike',
      label: 'S',
      title: `Strikethrough (${mod}Shift+X)`,
      command: toggleStrikethrough,
      className: 'tb-strike',
    },
    { id: 'code', label: '‹›', title: `Inline code (${mod}E)`, command: toggleInlineCode },
    { id: 'link', label: 'Link', title: `Link (${mod}K)`, command: insertLink },
  ],
  [
    { id: 'quote', label: '❝', title: `Quote (${mod}Shift+Q)`, command: toggleQuote },
    {
      id: 'bullets',
      label: '•≡',
      title: `Bulleted list (${mod}Shift+8)`,
      command: toggleBulletList,
    },
    {
      id: 'numbers',
      label: '1.',
      title: `Numbered list (${mod}Shift+7)`,
      command: toggleOrderedList,
    },
    { id: 'tasks', label: '☑', title: `Task list (${mod}Shift+9)`, command: toggleTaskList },
  ],
  [
    {
      id: 'codeblock',
      label: '{ }',
      title: `Code block (${mod}Shift+K)`,
      command: insertCodeBlock,
    },
    { id: 'table', label: '▦', title: `Table (${mod}Alt+T)`, command: insertTable },
    {
      id: 'hr',
      label: '—',
      title: `Horizontal rule (${mod}Shift+H)`,
      command: insertHorizontalRule,
    },
    { id: 'image', label: 'Image', title: `Image (${mod}Shift+I)`, command: insertImage },
  ],
]

/** Props: the editor view the buttons act on (null while no article is open). */
export function FormattingToolbar({ view }: { view: EditorView | null }) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {groups.map((group, index) => (
        <div className="toolbar-group" key={index}>
          {group.map((item) => (
            <button
              key={item.id}
              type="button"
              className={`toolbar-button ${item.className ?? ''}`}
              title={item.title}
              aria-label={item.title}
              data-testid={`format-${item.id}`}
              disabled={!view}
              // Keep the editor's selection: act on mousedown, before focus moves.
              onMouseDown={(event) => {
                event.preventDefault()
                if (!view) return
                item.command({ state: view.state, dispatch: view.dispatch })
                view.focus()
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ))}
      <div className="toolbar-group">
        <label
          className={view ? 'toolbar-button file-pick' : 'toolbar-button file-pick disabled'}
          title="Add image files from this computer"
        >
          + Image file
          <input
            type="file"
            accept="image/*"
            multiple
            hidden
            disabled={!view}
            data-testid="image-file-input"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])]
              event.target.value = ''
              if (view && files.length) {
                void importImageFiles(view, files, view.state.selection.main.head).then(() =>
                  view.focus(),
                )
              }
            }}
          />
        </label>
      </div>
      <div className="toolbar-group toolbar-end">
        <button
          type="button"
          className="toolbar-button"
          title={`Find and replace (${mod}F)`}
          aria-label="Find and replace"
          data-testid="format-find"
          disabled={!view}
          onMouseDown={(event) => {
            event.preventDefault()
            if (view) openSearchPanel(view)
          }}
        >
          Find
        </button>
      </div>
    </div>
  )
}
