// The review of the recogniser's proposals across the workspace: each proposed new entity (one name and
// type) with how often and where it was found and its best-scored mention in context, to accept one
// name, the chosen ones or all shown, as one undoable step with progress.
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  NativeSelect,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
} from '@mantine/core'
import { IconSearch, IconSparkles } from '@tabler/icons-react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ProposalGroup, ProposalReview } from '../../shared/entities'
import { ENTITY_TYPES, type EntityType } from '../../shared/model'
import { dossier, errorMessage } from '../api/client'
import { withKeys } from '../app/chosen-keys'
import { notifyError } from '../app/notify'
import type { UndoStack } from '../app/useUndoStack'
import { plural } from '../import/summarize-imports'
import { acceptProposals } from './accept-proposals'
import { ProposalRow, proposalKey } from './ProposalRow'
import { ReviewProgress } from './ReviewProgress'

interface ProposalsModalProps {
  undoStack: UndoStack
  onClose: () => void
  /** Entities were made or taken away: what shows them is read again. */
  onChanged: () => void
}

/** The recogniser's types: what a proposal can be. */
const TYPES = ENTITY_TYPES.filter((t) => t !== 'Other')

export function ProposalsModal({ undoStack, onClose, onChanged }: ProposalsModalProps) {
  const [review, setReview] = useState<ProposalReview | undefined>(undefined)
  const [failure, setFailure] = useState<string | undefined>(undefined)
  const [text, setText] = useState('')
  const [type, setType] = useState<EntityType | ''>('')
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [version, setVersion] = useState(0)
  const cancelled = useRef(false)
  const viewport = useRef<HTMLDivElement>(null)
  const busy = progress !== null

  useEffect(() => {
    let live = true
    dossier.suggestions.proposals().then(
      (found) => {
        if (!live) return
        setReview(found)
        // Names accepted meanwhile (here or elsewhere) are no longer chosen.
        const open = new Set(found.groups.map(proposalKey))
        setChosen((current) => new Set([...current].filter((k) => open.has(k))))
      },
      (error: unknown) => live && setFailure(errorMessage(error)),
    )
    return () => {
      live = false
    }
  }, [version])

  const shown = useMemo(() => {
    const wanted = text.trim().toLocaleLowerCase()
    return (review?.groups ?? []).filter(
      (g) =>
        (!type || g.proposed.type === type) &&
        (!wanted || g.proposed.name.toLocaleLowerCase().includes(wanted)),
    )
  }, [review, text, type])

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this modal itself
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => 62,
    getItemKey: (index) => proposalKey(shown[index]!),
    overscan: 8,
    useFlushSync: false,
  })

  function toggle(keys: readonly string[], on: boolean) {
    setChosen((current) => withKeys(current, keys, on))
  }

  async function accept(groups: readonly ProposalGroup[]) {
    if (groups.length === 0) return
    cancelled.current = false
    const refresh = () => {
      setVersion((v) => v + 1)
      onChanged()
    }
    const run = await acceptProposals(
      undoStack,
      groups.map((g) => g.proposed),
      {
        cancelled: () => cancelled.current,
        onProgress: (done, total) => setProgress({ done, total }),
        after: refresh,
      },
    )
    if (run.error) notifyError(run.error, 'Could not accept every proposed entity')
    setProgress(null)
  }

  const chosenGroups = shown.filter((g) => chosen.has(proposalKey(g)))
  const filtered = text.trim() !== '' || type !== ''

  return (
    <Modal
      opened
      onClose={() => !busy && onClose()}
      title="Proposed entities in the workspace"
      size={980}
      closeButtonProps={{ 'aria-label': 'Close' }}
      closeOnEscape={!busy}
      closeOnClickOutside={!busy}
    >
      {failure ? (
        <Alert color="red" title="Could not list the proposed entities">
          {failure}
        </Alert>
      ) : !review ? (
        <Center h={220}>
          <Loader type="dots" aria-label="Finding the proposed entities" />
        </Center>
      ) : review.groups.length === 0 ? (
        <Stack align="center" gap="xs" py={48} px="xl" data-testid="proposals-empty">
          <ThemeIcon size={44} radius="xl" variant="light">
            <IconSparkles size={24} />
          </ThemeIcon>
          <Text fw={600}>Nothing is proposed</Text>
          <Text size="sm" c="dimmed" ta="center" maw={520}>
            Dossier’s recogniser proposes the people, organisations, places, equipment, events and dates it
            finds in imported articles that no entity names yet. Import articles to get proposals; the ones
            you accepted, rejected or chose never to suggest are not listed again.
          </Text>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Group gap="xs" wrap="nowrap">
            <TextInput
              flex={1}
              size="sm"
              placeholder="Find a name"
              aria-label="Find a proposed name"
              leftSection={<IconSearch size={15} />}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <NativeSelect
              size="sm"
              w={170}
              aria-label="Type"
              value={type}
              onChange={(e) => setType(e.currentTarget.value as EntityType | '')}
              data={[{ value: '', label: 'Every type' }, ...TYPES.map((t) => ({ value: t, label: t }))]}
            />
          </Group>
          <Group justify="space-between">
            <Text size="sm" aria-live="polite" data-testid="proposal-count">
              {plural(review.groups.length, 'name')} proposed, {plural(review.proposals, 'mention')}
              {filtered && `; ${shown.length} shown`}; {chosenGroups.length} chosen
            </Text>
            <Group gap={6}>
              <Button
                size="compact-sm"
                variant="subtle"
                disabled={busy || shown.length === 0}
                onClick={() => toggle(shown.map(proposalKey), true)}
              >
                Select all{filtered ? ' shown' : ''}
              </Button>
              <Button
                size="compact-sm"
                variant="subtle"
                color="gray"
                disabled={busy || chosen.size === 0}
                onClick={() => setChosen(new Set())}
              >
                Select none
              </Button>
            </Group>
          </Group>
          <ScrollArea h="min(58vh, 600px)" type="auto" viewportRef={viewport}>
            {shown.length === 0 ? (
              <Text size="sm" c="dimmed" ta="center" py="xl">
                No proposed name matches.
              </Text>
            ) : (
              <div
                role="list"
                aria-label="Proposed entities"
                style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
              >
                {virtualizer.getVirtualItems().map((item) => {
                  const group = shown[item.index]!
                  return (
                    <div
                      key={item.key}
                      data-index={item.index}
                      ref={virtualizer.measureElement}
                      role="listitem"
                      style={{
                        position: 'absolute',
                        top: 0,
                        left: 0,
                        width: '100%',
                        transform: `translateY(${item.start}px)`,
                      }}
                    >
                      <ProposalRow
                        group={group}
                        chosen={chosen.has(proposalKey(group))}
                        disabled={busy}
                        onToggle={(on) => toggle([proposalKey(group)], on)}
                        onAccept={() => void accept([group])}
                      />
                    </div>
                  )
                })}
              </div>
            )}
          </ScrollArea>
          {progress ? (
            <ReviewProgress
              done={progress.done}
              total={progress.total}
              label="Accepting"
              told={`${progress.done} of ${plural(progress.total, 'name')} accepted`}
              onCancel={() => (cancelled.current = true)}
            />
          ) : (
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                Close
              </Button>
              <Button disabled={chosenGroups.length === 0} onClick={() => void accept(chosenGroups)}>
                Accept {plural(chosenGroups.length, 'name')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Modal>
  )
}
