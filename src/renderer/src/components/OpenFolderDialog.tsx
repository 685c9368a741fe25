/** Web mode's "Open folder": the browser cannot show a folder picker, so the path is typed. */
import { TextFieldDialog } from './TextFieldDialog'

/** Props: `onOpen` opens the workspace at a path (and rejects with a FolioError to show). */
export interface OpenFolderDialogProps {
  initialPath: string
  onOpen: (path: string) => Promise<void>
  onCancel: () => void
}

/** A dialog with a path field; the error of a failed open stays in the dialog. */
export function OpenFolderDialog({ initialPath, onOpen, onCancel }: OpenFolderDialogProps) {
  return (
    <TextFieldDialog
      title="Open a blog folder"
      testId="open-folder-dialog"
      label="Folder path on this computer"
      initialValue={initialPath}
      placeholder="/home/me/blog"
      spellCheck={false}
      fieldTestId="open-folder-path"
      submitTestId="open-folder-submit"
      submitLabel="Open"
      busyLabel="Opening…"
      onSubmit={onOpen}
      onCancel={onCancel}
    />
  )
}
