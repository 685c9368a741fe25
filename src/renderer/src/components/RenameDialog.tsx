/** Asks for an article's new slug (its file or bundle name) and renames it. */
import { TextFieldDialog } from './TextFieldDialog'

/** Props: the article path, and `onRename` (which rejects with a FolioError to show). */
export interface RenameDialogProps {
  path: string
  onRename: (slug: string) => Promise<void>
  onCancel: () => void
}

/** The slug an article path has now: its file name, or its folder for a page bundle. */
export function slugOfPath(path: string): string {
  const parts = path.split('/')
  const file = (parts.pop() ?? path).replace(/\.(md|markdown|mdx)$/i, '')
  const name =
    (file === 'index' || file === '_index') && parts.length > 0 ? (parts.pop() as string) : file
  return name.replace(/^\d{4}-\d{2}-\d{2}-/, '')
}

/** The "Rename" dialog; links from other articles are updated by the backend. */
export function RenameDialog({ path, onRename, onCancel }: RenameDialogProps) {
  return (
    <TextFieldDialog
      title="Rename article"
      testId="rename-dialog"
      label="Slug"
      initialValue={slugOfPath(path)}
      lead={
        <>
          <code>{path}</code> gets a new file name and address. Links to it from other articles are
          updated.
        </>
      }
      fieldTestId="rename-slug"
      submitTestId="rename-confirm"
      submitLabel="Rename"
      busyLabel="Renaming…"
      onSubmit={onRename}
      onCancel={onCancel}
    />
  )
}
