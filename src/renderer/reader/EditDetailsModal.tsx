// The "Edit article details" dialog: every field the importer guessed, corrected by the analyst. The form
// is re-created each time the dialog opens, so it always starts from the article as it is now.
import { Modal, Text } from '@mantine/core'
import type { Article } from '../../shared/model'
import { detailsOf, type ArticleDetails } from './article-details'
import { EditDetailsForm } from './EditDetailsForm'

interface EditDetailsModalProps {
  article: Article
  opened: boolean
  onSave: (before: ArticleDetails, changes: Partial<ArticleDetails>) => Promise<void>
  onClose: () => void
}

export function EditDetailsModal({ article, opened, onSave, onClose }: EditDetailsModalProps) {
  const initial = detailsOf(article)
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Edit article details"
      size={620}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
      styles={{ title: { fontWeight: 600 } }}
    >
      <Text size="sm" c="dimmed" mb="md" style={{ overflowWrap: 'anywhere' }}>
        Dossier read these from {article.original.name}. Correct what it guessed wrong; the text of the
        article and everything marked in it stay as they are.
      </Text>
      {opened && (
        <EditDetailsForm
          key={article.id}
          initial={initial}
          onSave={async (changes) => {
            await onSave(initial, changes)
            onClose()
          }}
          onCancel={onClose}
        />
      )}
    </Modal>
  )
}
