// The trash: articles moved out of the library, each restorable with everything marked in it, until the
// trash is emptied; emptying deletes them and the originals no other article uses.
import { Button, Group, Modal, ScrollArea, Stack, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { formatLabel } from '../../shared/formats'
import type { ArticleSummary } from '../../shared/model'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'
import { plural } from '../import/summarize-imports'
import { formatPublished, sourceLabel } from './article-format'

interface TrashModalProps {
  opened: boolean
  onClose: () => void
  onRestored: () => void
}

export function TrashModal({ opened, onClose, onRestored }: TrashModalProps) {
  const [rows, setRows] = useState<ArticleSummary[] | undefined>(undefined)
  const [confirming, setConfirming] = useState(false)

  useEffect(() => {
    if (!opened) return
    let live = true
    dossier.trash.list().then(
      (list) => live && setRows(list),
      (error: unknown) => notifyError(error, 'Could not read the trash'),
    )
    return () => {
      live = false
    }
  }, [opened])

  async function restore(ids: string[]) {
    try {
      await dossier.articles.restoreMany({ ids })
      setRows((list) => list?.filter((r) => !ids.includes(r.id)))
      onRestored()
    } catch (error) {
      notifyError(error, 'Could not restore')
    }
  }

  async function empty() {
    try {
      await dossier.trash.empty({})
      setRows([])
    } catch (error) {
      notifyError(error, 'Could not empty the trash')
    } finally {
      setConfirming(false)
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Trash"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {rows === undefined ? null : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          The trash is empty. Articles you move to the trash wait here, with their highlights, until you
          restore them or empty the trash.
        </Text>
      ) : (
        <Stack gap="sm">
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack gap={4} role="list" aria-label="Trash">
              {rows.map((row) => (
                <Group key={row.id} justify="space-between" wrap="nowrap" role="listitem" py={4}>
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} truncate="end">
                      {row.title}
                    </Text>
                    <Text size="xs" c="dimmed" truncate="end">
                      {[
                        formatLabel(row.originalType, row.originalName),
                        sourceLabel(row),
                        formatPublished(row.published),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </div>
                  <Button size="compact-sm" variant="light" onClick={() => void restore([row.id])}>
                    Restore
                  </Button>
                </Group>
              ))}
            </Stack>
          </ScrollArea.Autosize>
          {confirming ? (
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" c="red">
                Delete {plural(rows.length, 'article')} and their highlights for good, with the original files
                no other article came from? This cannot be undone.
              </Text>
              <Group gap="xs" wrap="nowrap">
                <Button variant="default" onClick={() => setConfirming(false)}>
                  Keep them
                </Button>
                <Button color="red" onClick={() => void empty()}>
                  Delete for good
                </Button>
              </Group>
            </Group>
          ) : (
            <Group justify="space-between">
              <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
                Empty trash
              </Button>
              <Button variant="default" onClick={() => void restore(rows.map((r) => r.id))}>
                Restore all
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Modal>
  )
}
