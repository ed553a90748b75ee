// The "Tag entity" dialog for the selected passage; the form is re-created for every new selection.
import { Blockquote, Modal, Text } from '@mantine/core'
import type { MentionTarget } from '../app/useAnnotationActions'
import { TagEntityForm } from './TagEntityForm'
import { shortQuote, type TextRange } from './text-range'

interface TagEntityDialogProps {
  range: TextRange | null
  quote: string
  onTag: (target: MentionTarget) => Promise<boolean>
  onClose: () => void
}

export function TagEntityDialog({ range, quote, onTag, onClose }: TagEntityDialogProps) {
  return (
    <Modal
      opened={range !== null}
      onClose={onClose}
      title="Tag entity"
      size={680}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
      styles={{ title: { fontWeight: 600 } }}
    >
      <Blockquote p="xs" mb="md" color="gray" radius="sm" styles={{ root: { fontStyle: 'italic' } }}>
        <Text size="sm" lineClamp={2}>
          {shortQuote(quote, 160)}
        </Text>
      </Blockquote>
      {range && (
        <TagEntityForm key={`${range.start}-${range.end}`} quote={quote} onTag={onTag} onCancel={onClose} />
      )}
    </Modal>
  )
}
