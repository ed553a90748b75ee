// The body of the progress notification while a batch of files is imported.
import { Button, Group, Progress, Stack, Text } from '@mantine/core'

interface ImportProgressProps {
  started: number
  finished: number
  total: number
  current: string
  cancelling: boolean
  onCancel: () => void
}

export function ImportProgress({
  started,
  finished,
  total,
  current,
  cancelling,
  onCancel,
}: ImportProgressProps) {
  return (
    <Stack gap={6}>
      <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
        Importing {Math.max(1, started)} of {total} — {current}
      </Text>
      <Progress
        value={total > 0 ? (finished / total) * 100 : 0}
        size="sm"
        animated={!cancelling}
        aria-label="Import progress"
      />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {cancelling ? 'Finishing the files already started…' : `${finished} of ${total} done`}
        </Text>
        <Button size="compact-xs" variant="default" onClick={onCancel} disabled={cancelling}>
          Cancel
        </Button>
      </Group>
    </Stack>
  )
}
