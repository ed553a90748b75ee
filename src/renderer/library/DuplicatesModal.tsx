// Copies of one story: every group of likely-same articles with each copy's format, size, date and the
// work on it. One copy per group is marked to keep (the one with the most work on it, to begin with);
// one action moves all the others to the trash, undoably.
import { Badge, Button, Card, Group, Modal, Radio, ScrollArea, Stack, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { DuplicateGroup } from '../../shared/library'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'
import { plural } from '../import/summarize-imports'
import { formatDay, formatPublished } from './article-format'

interface DuplicatesModalProps {
  opened: boolean
  onClose: () => void
  /** Moves these copies to the trash (undoably); false when that failed. */
  onRemove: (copies: { id: string; title: string }[]) => Promise<boolean>
}

const size = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 })

function bytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${size.format(n / 1024)} KB`
  return `${size.format(n / 1024 / 1024)} MB`
}

export function DuplicatesModal({ opened, onClose, onRemove }: DuplicatesModalProps) {
  const [groups, setGroups] = useState<DuplicateGroup[] | undefined>(undefined)
  const [keep, setKeep] = useState<Record<number, string>>({})
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!opened) return
    let live = true
    dossier.library.duplicates().then(
      (found) => {
        if (!live) return
        setGroups(found)
        setKeep(Object.fromEntries(found.map((g, i) => [i, g.keep])))
      },
      (error: unknown) => notifyError(error, 'Could not look for duplicates'),
    )
    return () => {
      live = false
    }
  }, [opened])

  const extra = (groups ?? []).flatMap((g, i) =>
    g.copies.filter((c) => c.article.id !== (keep[i] ?? g.keep)).map((c) => c.article),
  )

  function close() {
    setGroups(undefined)
    onClose()
  }

  async function clean() {
    setBusy(true)
    const ok = await onRemove(extra.map((a) => ({ id: a.id, title: a.title })))
    setBusy(false)
    if (ok) close()
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Copies of the same story"
      size="xl"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {groups === undefined ? (
        <Text size="sm" c="dimmed">
          Looking for copies…
        </Text>
      ) : groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          No two articles tell the same story: the library has no copies to clean up.
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {plural(groups.length, 'story', 'stories')} came in more than one copy. Choose the copy to keep in
            each; the others go to the trash, from where they can be restored.
          </Text>
          <ScrollArea.Autosize mah="60vh" type="auto">
            <Stack gap="sm" aria-label="Groups of copies">
              {groups.map((group, i) => (
                <Card key={group.keep} withBorder padding="sm" data-testid="duplicate-group">
                  <Radio.Group
                    value={keep[i] ?? group.keep}
                    onChange={(id) => setKeep({ ...keep, [i]: id })}
                    aria-label={`Copy to keep of “${group.copies[0]!.article.title}”`}
                  >
                    <Stack gap={6}>
                      {group.copies.map((copy) => (
                        <Radio
                          key={copy.article.id}
                          value={copy.article.id}
                          styles={{ body: { width: '100%' }, labelWrapper: { flex: 1, minWidth: 0 } }}
                          label={
                            <Group gap={6} wrap="nowrap" miw={0}>
                              <Badge
                                size="sm"
                                variant="default"
                                radius="sm"
                                tt="none"
                                style={{ flexShrink: 0 }}
                              >
                                {copy.format}
                              </Badge>
                              <Text size="sm" fw={500} truncate="end" miw={0}>
                                {copy.article.title}
                              </Text>
                            </Group>
                          }
                          description={[
                            copy.article.originalName,
                            bytes(copy.bytes),
                            formatPublished(copy.article.published),
                            `imported ${formatDay(copy.article.importedAt)}`,
                            copy.highlightCount || copy.entityCount
                              ? `${plural(copy.highlightCount, 'highlight')}, ${plural(copy.entityCount, 'entity', 'entities')}`
                              : 'nothing marked',
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        />
                      ))}
                    </Stack>
                  </Radio.Group>
                </Card>
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={busy} disabled={extra.length === 0} onClick={() => void clean()}>
              Keep one of each: move {plural(extra.length, 'copy', 'copies')} to the trash
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
