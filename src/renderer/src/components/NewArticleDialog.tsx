/** Asks for the title of a new article and creates it. */
import { TextFieldDialog } from './TextFieldDialog'

/** Props: `onCreate` creates the article (and rejects with a FolioError to show). */
export interface NewArticleDialogProps {
  onCreate: (title: string) => Promise<void>
  onCancel: () => void
}

/** The "New article" dialog: a title field, Create and Cancel; errors stay in the dialog. */
export function NewArticleDialog({ onCreate, onCancel }: NewArticleDialogProps) {
  return (
    <TextFieldDialog
      title="New article"
      testId="new-article-dialog"
      label="Title"
      placeholder="What is it about?"
      fieldTestId="new-article-title"
      submitTestId="new-article-create"
      submitLabel="Create"
      busyLabel="Creating…"
      onSubmit={onCreate}
      onCancel={onCancel}
    />
  )
}
