// The body of a "… removed — Undo" notification.
import { Button, Group, Text } from '@mantine/core'
import { IconArrowBackUp } from '@tabler/icons-react'

interface UndoNoticeProps {
  message: string
  onUndo: () => void
}

export function UndoNotice({ message, onUndo }: UndoNoticeProps) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm">{message}</Text>
      <Button
        size="compact-sm"
        variant="light"
        flex="none"
        leftSection={<IconArrowBackUp size={14} />}
        onClick={onUndo}
      >
        Undo
      </Button>
    </Group>
  )
}
