/** Asks for an article's new slug (its file or bundle name) and renames it. */
import { TextFieldDialog } from './TextFieldDialog'

/** Props: the article path and its slug, and `onRename` (which rejects with a FolioError to show). */
export interface RenameDialogProps {
  path: string
  slug: string
  onRename: (slug: string) => Promise<void>
  onCancel: () => void
}

/** The "Rename" dialog; links from other articles are updated by the backend. */
export function RenameDialog({ path, slug, onRename, onCancel }: RenameDialogProps) {
  return (
    <TextFieldDialog
      title="Rename article"
      testId="rename-dialog"
      label="Slug"
      initialValue={slug}
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
