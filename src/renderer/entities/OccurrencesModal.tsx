// "Tag all occurrences": every place the entity's name and aliases are written, in the workspace or in
// one article, grouped by article with the words around each, to choose from (all that are not tagged
// yet, to start with). The chosen ones are tagged a few hundred per call, with progress and a Cancel that
// stops after the call under way; one undo takes off every tag that was made.
import { Alert, Button, Center, Group, Loader, Modal, ScrollArea, Stack, Text } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { OccurrenceResult } from '../../shared/entities'
import { dossier, errorMessage } from '../api/client'
import { withKeys } from '../app/chosen-keys'
import { notifyError } from '../app/notify'
import { pushRemoval } from '../app/push-removal'
import type { UndoStack } from '../app/useUndoStack'
import { plural } from '../import/summarize-imports'
import {
  applyInChunks,
  chunksByArticle,
  groupByArticle,
  isOpen,
  occurrenceKey,
  reviewRows,
} from './occurrence-review'
import { OccurrenceRows } from './OccurrenceRows'
import { ReviewProgress } from './ReviewProgress'

interface OccurrencesModalProps {
  entity: { id: string; name: string }
  /** Only this article; otherwise the whole workspace. */
  articleId?: string
  undoStack: UndoStack
  onClose: () => void
  /** Tags were made or taken off: what shows them is read again. */
  onChanged: () => void
}

/** Occurrences tagged per call: one call stays short on a loaded machine, so a Cancel is felt soon. */
const CHUNK = 300
const LIMIT = 50_000

type Ref = { articleId: string; mentionId: string }

export function OccurrencesModal({
  entity,
  articleId,
  undoStack,
  onClose,
  onChanged,
}: OccurrencesModalProps) {
  const [result, setResult] = useState<OccurrenceResult | undefined>(undefined)
  const [failure, setFailure] = useState<string | undefined>(undefined)
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [names, setNames] = useState<Map<string, string>>(new Map())
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const cancelled = useRef(false)
  const viewport = useRef<HTMLDivElement>(null)

  useEffect(() => {
    let live = true
    dossier.entities.occurrences({ id: entity.id, articleId, limit: LIMIT }).then(
      (found) => {
        if (!live) return
        setResult(found)
        setChosen(new Set(found.occurrences.filter(isOpen).map(occurrenceKey)))
        // Names of the other entities some of them are tagged as.
        if (found.occurrences.some((o) => o.taggedAs && o.taggedAs !== entity.id))
          dossier.entities.list().then(
            (list) => live && setNames(new Map(list.map((e) => [e.id, e.name]))),
            () => {},
          )
      },
      (error: unknown) => live && setFailure(errorMessage(error)),
    )
    return () => {
      live = false
    }
  }, [entity.id, articleId])

  const groups = useMemo(() => (result ? groupByArticle(result) : []), [result])
  const rows = useMemo(() => reviewRows(groups), [groups])
  const openCount = useMemo(() => groups.reduce((n, g) => n + g.open.length, 0), [groups])
  const busy = progress !== null

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this modal itself
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => viewport.current,
    estimateSize: (index) => (rows[index]!.kind === 'article' ? 58 : 34),
    getItemKey: (index) => rows[index]!.key,
    overscan: 10,
    useFlushSync: false,
  })

  function setMany(keys: readonly string[], on: boolean) {
    setChosen((current) => withKeys(current, keys, on))
  }

  const tag = async (chunk: { articleId: string; start: number; end: number }[]) =>
    (await dossier.entities.tagOccurrences({ id: entity.id, occurrences: chunk })).mentions

  async function apply() {
    if (!result) return
    const items = result.occurrences
      .filter((o) => isOpen(o) && chosen.has(occurrenceKey(o)))
      .map(({ articleId, start, end }) => ({ articleId, start, end }))
    cancelled.current = false
    const run = await applyInChunks(chunksByArticle(items, CHUNK), tag, {
      cancelled: () => cancelled.current,
      onProgress: (done, total) => setProgress({ done, total }),
    })
    if (run.error) notifyError(run.error, `Could not tag every occurrence of ${entity.name}`)
    // The tags the undo takes off: those of the run, then those of the latest redo.
    let made: Ref[] = run.results
    if (made.length > 0) {
      const applied = items.slice(0, run.applied)
      const what = `${plural(made.length, 'occurrence')} of ${entity.name} tagged`
      pushRemoval(
        undoStack,
        run.applied < items.length ? `${what}; ${items.length - run.applied} left as they were` : what,
        {
          label: what,
          undo: async () => {
            for (let at = 0; at < made.length; at += LIMIT)
              await dossier.mentions.removeMany({
                items: made.slice(at, at + LIMIT).map((m) => ({ articleId: m.articleId, id: m.mentionId })),
              })
            onChanged()
          },
          redo: async () => {
            const again = await applyInChunks(chunksByArticle(applied, CHUNK), tag, {
              cancelled: () => false,
              onProgress: () => {},
            })
            made = again.results
            onChanged()
            if (again.error) throw again.error
          },
        },
      )
      onChanged()
    }
    setProgress(null)
    onClose()
  }

  const chosenCount = chosen.size
  const scope = articleId ? 'in this article' : 'in the workspace'

  return (
    <Modal
      opened
      onClose={() => !busy && onClose()}
      title={`Every occurrence of ${entity.name} ${scope}`}
      size={960}
      closeButtonProps={{ 'aria-label': 'Close' }}
      closeOnEscape={!busy}
      closeOnClickOutside={!busy}
    >
      {failure ? (
        <Alert color="red" title={`Could not find the occurrences of ${entity.name}`}>
          {failure}
        </Alert>
      ) : !result ? (
        <Center h={200}>
          <Loader type="dots" aria-label="Finding the occurrences" />
        </Center>
      ) : result.occurrences.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          Its name and aliases are written nowhere {scope}, as whole words.
        </Text>
      ) : (
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm" aria-live="polite" data-testid="occurrence-count">
              {plural(result.occurrences.length, 'occurrence')} in {plural(groups.length, 'article')};{' '}
              {openCount} not tagged yet, {chosenCount} chosen
            </Text>
            <Group gap={6}>
              <Button
                size="compact-sm"
                variant="subtle"
                disabled={busy}
                onClick={() =>
                  setMany(
                    groups.flatMap((g) => g.open),
                    true,
                  )
                }
              >
                Select all
              </Button>
              <Button
                size="compact-sm"
                variant="subtle"
                color="gray"
                disabled={busy}
                onClick={() => setChosen(new Set())}
              >
                Select none
              </Button>
            </Group>
          </Group>
          {result.truncated && (
            <Text size="xs" c="dimmed">
              Only the first {result.occurrences.length.toLocaleString()} are listed. Tag them, then open the
              list again for the rest.
            </Text>
          )}
          <ScrollArea h="min(60vh, 640px)" type="auto" viewportRef={viewport}>
            <OccurrenceRows
              rows={rows}
              virtualizer={virtualizer}
              entityId={entity.id}
              names={names}
              chosen={chosen}
              disabled={busy}
              onToggle={(key, on) => setMany([key], on)}
              onArticle={(group, on) => setMany(group.open, on)}
            />
          </ScrollArea>
          {progress ? (
            <ReviewProgress
              done={progress.done}
              total={progress.total}
              label="Tagging"
              told={`${progress.done} of ${progress.total} tagged`}
              onCancel={() => (cancelled.current = true)}
            />
          ) : (
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                Close
              </Button>
              <Button disabled={chosenCount === 0} onClick={() => void apply()}>
                Tag {chosenCount}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Modal>
  )
}
