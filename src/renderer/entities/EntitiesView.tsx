// The Entities view: every entity of the workspace with its type, mentions, articles and when it was
// first and last seen, searchable, filterable by type and sortable; the one chosen opens its page.
import {
  Badge,
  Box,
  Button,
  Group,
  NativeSelect,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import {
  DEFAULT_NETWORK_QUERY,
  type EntityIndex,
  type EntityIndexQuery,
  type NetworkQuery,
} from '../../shared/entities'
import { ENTITY_TYPES, type EntityType } from '../../shared/model'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'
import type { UndoStack } from '../app/useUndoStack'
import { formatPublished } from '../library/article-format'
import { entityCssColor } from '../reader/annotation-colors'
import classes from './Entities.module.css'
import { EntitiesExportMenu } from './EntitiesExportMenu'
import { EntityPageView } from './EntityPageView'
import { NeverSuggestedButton } from './NeverSuggestedButton'
import { NeverSuggestedModal } from './NeverSuggestedModal'
import { NetworkView } from './NetworkView'
import { ProposalsButton } from './ProposalsButton'
import { ProposalsModal } from './ProposalsModal'

interface EntitiesViewProps {
  undoStack: UndoStack
  onOpenPassage: (articleId: string, target: { highlightId: string } | { start: number; end: number }) => void
  /** Entities or their mentions changed: the open article and the library show it. */
  onEntitiesChanged: () => void
}

type Sort = NonNullable<EntityIndexQuery['sort']>

const SORTS: { value: `${Sort}:${'asc' | 'desc'}`; label: string }[] = [
  { value: 'mentions:desc', label: 'Most mentioned' },
  { value: 'articles:desc', label: 'In most articles' },
  { value: 'name:asc', label: 'Name, A–Z' },
  { value: 'lastSeen:desc', label: 'Last seen, newest first' },
  { value: 'firstSeen:asc', label: 'First seen, oldest first' },
]

export function EntitiesView({ undoStack, onOpenPassage, onEntitiesChanged }: EntitiesViewProps) {
  const [text, setText] = useState('')
  const [type, setType] = useState<EntityType | ''>('')
  const [sort, setSort] = useState<(typeof SORTS)[number]['value']>('mentions:desc')
  const [index, setIndex] = useState<EntityIndex | undefined>(undefined)
  const [openId, setOpenId] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const [neverOpen, setNeverOpen] = useState(false)
  const [proposalsOpen, setProposalsOpen] = useState(false)
  // Kept here, so that the network comes back as it was left after visiting an entity's page.
  const [mode, setMode] = useState<'list' | 'network'>('list')
  const [networkQuery, setNetworkQuery] = useState<NetworkQuery>(DEFAULT_NETWORK_QUERY)

  useEffect(() => {
    let live = true
    const [by, order] = sort.split(':') as [Sort, 'asc' | 'desc']
    dossier.entities
      .index({
        text: text.trim() || undefined,
        types: type ? [type] : undefined,
        sort: by,
        order,
        limit: 2000,
      })
      .then(
        (result) => {
          if (!live) return
          setIndex(result)
          setOpenId((current) => current ?? result.rows[0]?.entity.id ?? null)
        },
        (error: unknown) => notifyError(error, 'Could not list the entities'),
      )
    return () => {
      live = false
    }
  }, [text, type, sort, version])

  const header = (
    <Stack gap={6}>
      <Group justify="space-between">
        <Group gap={6}>
          <Title order={5}>Entities</Title>
          <Group gap={4}>
            {index && (
              <Badge variant="default" size="sm" radius="sm">
                {index.total}
              </Badge>
            )}
            <ProposalsButton onClick={() => setProposalsOpen(true)} />
            <NeverSuggestedButton onClick={() => setNeverOpen(true)} />
          </Group>
        </Group>
        <EntitiesExportMenu />
      </Group>
      <SegmentedControl
        size="xs"
        fullWidth
        aria-label="Show entities as"
        value={mode}
        onChange={(value) => setMode(value as typeof mode)}
        data={[
          { value: 'list', label: 'List' },
          { value: 'network', label: 'Network' },
        ]}
      />
    </Stack>
  )

  const proposals = proposalsOpen && (
    <ProposalsModal
      undoStack={undoStack}
      onClose={() => setProposalsOpen(false)}
      onChanged={() => {
        setVersion((v) => v + 1)
        onEntitiesChanged()
      }}
    />
  )

  const neverSuggested = neverOpen && (
    <NeverSuggestedModal
      undoStack={undoStack}
      onClose={() => setNeverOpen(false)}
      onChanged={() => {
        setVersion((v) => v + 1)
        onEntitiesChanged()
      }}
    />
  )

  // Made again only when what they show changes: a switch between the list and the network re-renders
  // this view, and its 2,000 rows and the entity's page need not be rebuilt for it.
  const rows = useMemo(
    () =>
      index?.rows.map((row) => (
        <UnstyledButton
          key={row.entity.id}
          role="listitem"
          className={classes.row}
          data-active={row.entity.id === openId || undefined}
          onClick={() => setOpenId(row.entity.id)}
        >
          <Group gap={8} wrap="nowrap">
            <span
              className={classes.swatch}
              style={{ background: row.customType?.color ?? entityCssColor(row.entity.type) }}
            />
            <Text size="sm" fw={600} truncate="end" flex={1}>
              {row.entity.name}
            </Text>
            <Text size="xs" c="dimmed">
              {row.mentions}× · {row.articles} art.
            </Text>
          </Group>
          <Text size="xs" c="dimmed" pl={18} truncate="end">
            {row.customType?.name ?? row.entity.type}
            {row.firstSeen && ` · ${formatPublished(row.firstSeen)} – ${formatPublished(row.lastSeen)}`}
            {row.suggested > 0 && ` · ${row.suggested} suggested`}
          </Text>
        </UnstyledButton>
      )),
    [index, openId],
  )
  const page = useMemo(
    () =>
      openId ? (
        <EntityPageView
          key={openId}
          id={openId}
          listVersion={version}
          undoStack={undoStack}
          onOpenPassage={onOpenPassage}
          onChanged={(next) => {
            if (next !== undefined) setOpenId(next)
            setVersion((v) => v + 1)
            onEntitiesChanged()
          }}
        />
      ) : (
        <Text c="dimmed" ta="center" mt={120}>
          Choose an entity to see where it appears.
        </Text>
      ),
    [openId, version, undoStack, onOpenPassage, onEntitiesChanged],
  )

  // The list stays mounted, hidden, while the network is shown: taking its two thousand rows out of
  // the page was a third of the work of the click on "Network", and coming back to it costs nothing.
  const network = mode === 'network' && (
    <NetworkView
      header={header}
      query={networkQuery}
      onQueryChange={setNetworkQuery}
      onOpenEntity={(id) => {
        setOpenId(id)
        setMode('list')
      }}
      onOpenPassage={onOpenPassage}
    />
  )

  return (
    <>
      {network}
      <Group
        align="stretch"
        gap={0}
        wrap="nowrap"
        h="calc(100dvh - 56px)"
        display={network ? 'none' : undefined}
        data-testid="entities-view"
      >
        <Stack w={320} gap="xs" p="sm" className={classes.list}>
          {!network && header}
          <TextInput
            size="sm"
            placeholder="Find an entity"
            aria-label="Find an entity"
            leftSection={<IconSearch size={15} />}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group gap={6} grow>
            <NativeSelect
              size="xs"
              aria-label="Type"
              value={type}
              onChange={(e) => setType(e.currentTarget.value as EntityType | '')}
              data={[
                { value: '', label: 'Every type' },
                ...ENTITY_TYPES.map((t) => ({ value: t, label: t })),
              ]}
            />
            <NativeSelect
              size="xs"
              aria-label="Sort entities"
              value={sort}
              onChange={(e) => setSort(e.currentTarget.value as typeof sort)}
              data={SORTS}
            />
          </Group>
          <ScrollArea flex={1} type="auto">
            {index?.rows.length === 0 && (
              <Stack gap="xs" p="sm" align="flex-start">
                <Text size="sm" c="dimmed">
                  {text || type
                    ? 'No entity matches.'
                    : 'No entities yet. Select a name in an article and press T to tag it; Dossier then suggests it wherever else it appears. Or accept the names the recogniser proposes:'}
                </Text>
                {!text && !type && (
                  <Button size="xs" variant="light" onClick={() => setProposalsOpen(true)}>
                    Review proposed entities
                  </Button>
                )}
              </Stack>
            )}
            <Stack gap={2} role="list" aria-label="Entities">
              {rows}
            </Stack>
          </ScrollArea>
        </Stack>
        <Box flex={1} style={{ overflow: 'auto' }}>
          {page}
        </Box>
      </Group>
      {neverSuggested}
      {proposals}
    </>
  )
}
