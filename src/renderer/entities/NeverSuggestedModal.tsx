// The forms never suggested, each with the entity it holds for (or any entity), and "Suggest again",
// which takes it off the list: its rejected suggestions come back and it is looked for everywhere.
import { Button, Group, Loader, Modal, ScrollArea, Stack, Text } from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { NeverSuggestEntry } from '../../shared/entities'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'
import { pushRemoval } from '../app/push-removal'
import type { UndoStack } from '../app/useUndoStack'
import { plural } from '../import/summarize-imports'
import classes from './Entities.module.css'

interface NeverSuggestedModalProps {
  undoStack: UndoStack
  onClose: () => void
  /** Suggestions changed: what counts them is read again. */
  onChanged: () => void
}

export function NeverSuggestedModal({ undoStack, onClose, onChanged }: NeverSuggestedModalProps) {
  const [entries, setEntries] = useState<NeverSuggestEntry[] | undefined>(undefined)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let live = true
    dossier.suggestions.neverList().then(
      (list) => live && setEntries(list),
      (error: unknown) => notifyError(error, 'Could not read the forms never suggested'),
    )
    return () => {
      live = false
    }
  }, [version])

  const refresh = () => {
    setVersion((v) => v + 1)
    onChanged()
  }

  async function allow(entry: NeverSuggestEntry) {
    const { form, entityId } = entry
    try {
      const { restored } = await dossier.suggestions.allowAgain({ form, entityId })
      refresh()
      pushRemoval(
        undoStack,
        `“${entry.written}” will be suggested again` +
          (restored > 0 ? `; ${plural(restored, 'suggestion')} back` : ''),
        {
          label: `“${entry.written}” suggested again`,
          undo: async () => {
            await dossier.suggestions.neverSuggest({ form: entry.written, entityId })
            refresh()
          },
          redo: async () => {
            await dossier.suggestions.allowAgain({ form, entityId })
            refresh()
          },
        },
      )
    } catch (error) {
      notifyError(error, `Could not suggest “${entry.written}” again`)
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title="Never suggested"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Forms you asked never to be suggested, for one entity or for any. “Never suggest” on a suggestion in
          the inspector adds one.
        </Text>
        {!entries ? (
          <Loader type="dots" size="sm" />
        ) : entries.length === 0 ? (
          <Text size="sm" py="md" ta="center" c="dimmed">
            Every form is suggested. None is on the list.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack gap={2} role="list" aria-label="Forms never suggested">
              {entries.map((entry) => (
                <Group
                  key={`${entry.form}:${entry.entityId ?? ''}`}
                  role="listitem"
                  className={classes.neverRow}
                  wrap="nowrap"
                  gap="sm"
                >
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={600} truncate="end" title={entry.written}>
                      “{entry.written}”
                    </Text>
                    <Text size="xs" c="dimmed" truncate="end">
                      {entry.entityId === undefined
                        ? 'as any entity'
                        : entry.entityName
                          ? `as ${entry.entityName}`
                          : 'as an entity since deleted'}
                    </Text>
                  </div>
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconRefresh size={14} />}
                    onClick={() => void allow(entry)}
                  >
                    Suggest again
                  </Button>
                </Group>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Modal>
  )
}
