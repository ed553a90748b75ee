// One line of "likely duplicates" in the import summary: a new article that tells the same story as one
// already in the workspace, with "Keep both" and "Remove new copy".
import { Button, Group, Text } from '@mantine/core'
import { IconCopyOff } from '@tabler/icons-react'
import { useState } from 'react'
import type { ImportResult } from '../../shared/api'
import { modLabel } from '../app/keyboard'
import { similarityLabel } from './summarize-imports'

interface LikelyDuplicateProps {
  result: ImportResult
  onKeep: () => void
  onRemove: () => Promise<boolean>
}

export function LikelyDuplicate({ result, onKeep, onRemove }: LikelyDuplicateProps) {
  const [state, setState] = useState<'open' | 'removing' | 'removed'>('open')
  const similar = result.similarTo
  if (!similar) return null

  async function remove() {
    setState('removing')
    setState((await onRemove()) ? 'removed' : 'open')
  }

  if (state === 'removed') {
    return (
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        Removed the new copy from {result.file}. {modLabel}+Z brings it back.
      </Text>
    )
  }
  const renamed = result.title && result.title !== similar.title
  return (
    <div>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        <Text span size="sm" fw={600}>
          {result.file}
        </Text>
        {renamed ? ` (“${result.title}”)` : ''} looks like the same story as “{similar.title}” (
        {similarityLabel(similar.similarity)}).
      </Text>
      <Group gap={6} mt={4}>
        <Button
          size="compact-xs"
          variant="default"
          aria-label={`Keep both: ${result.file}`}
          onClick={onKeep}
          disabled={state === 'removing'}
        >
          Keep both
        </Button>
        <Button
          size="compact-xs"
          variant="light"
          color="red"
          leftSection={<IconCopyOff size={13} />}
          aria-label={`Remove new copy: ${result.file}`}
          loading={state === 'removing'}
          onClick={() => void remove()}
        >
          Remove new copy
        </Button>
      </Group>
    </div>
  )
}
