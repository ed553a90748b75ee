// The body of the progress notification while a batch of files is imported: done / total, the file now
// being read (whole in its tooltip when long), and Cancel.
import { Button, Group, Progress, Stack, Text } from '@mantine/core'
import type { ImportRunState } from './import-run'

interface ImportProgressProps {
  state: ImportRunState
  onCancel: () => void
}

export function ImportProgress({ state, onCancel }: ImportProgressProps) {
  const { total, started, finished, current, preparing, cancelled } = state
  const gathering = total === 0 && preparing
  return (
    <Stack gap={6}>
      <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }} title={current || undefined}>
        {gathering
          ? 'Looking through the dropped folders…'
          : `Importing ${Math.max(1, started)} of ${total} — ${current}`}
      </Text>
      <Progress
        value={total > 0 ? (finished / total) * 100 : 0}
        size="sm"
        animated={!cancelled}
        aria-label="Import progress"
      />
      <Group justify="space-between" wrap="nowrap">
        <Text size="xs" c="dimmed">
          {cancelled
            ? 'Finishing the files already started…'
            : `${finished} of ${total} done${preparing && total > 0 ? ', more being gathered' : ''}`}
        </Text>
        <Button size="compact-xs" variant="default" onClick={onCancel} disabled={cancelled}>
          Cancel
        </Button>
      </Group>
    </Stack>
  )
}
