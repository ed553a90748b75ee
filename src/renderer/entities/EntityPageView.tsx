// An entity's page: its name, type, aliases and notes, each changed in place (F2 renames, Delete
// deletes, the Manage menu holds every action); when it was mentioned (a timeline by month); the
// highlights and briefs that include it, each highlight ready to go into a brief; and every mention in
// context across articles, each opening its passage. Suggested mentions can be accepted at once, and
// every occurrence of its names found and tagged.
import {
  Button,
  Card,
  Group,
  Loader,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core'
import { IconArrowUpRight, IconCheck, IconFilePlus, IconListSearch } from '@tabler/icons-react'
import { useEffect, useEffectEvent, useState } from 'react'
import type { EntityPage } from '../../shared/entities'
import { dossier } from '../api/client'
import { isDialogOpen, isTypingTarget } from '../app/keyboard'
import type { UndoStack } from '../app/useUndoStack'
import { useAddToBrief } from '../brief/AddToBrief'
import { plural } from '../import/summarize-imports'
import { formatPublished } from '../library/article-format'
import { AliasesEditor } from './AliasesEditor'
import classes from './Entities.module.css'
import { acceptAllOf } from './review-suggestions'
import { EntityActionsMenu } from './EntityActionsMenu'
import { EntityHeading } from './EntityHeading'
import { EntityTypeModal } from './EntityTypeModal'
import { MergeEntitiesModal } from './MergeEntitiesModal'
import { OccurrencesModal } from './OccurrencesModal'
import { SplitAliasModal } from './SplitAliasModal'
import { useEntityActions } from './useEntityActions'

interface EntityPageViewProps {
  id: string
  /**
   * Raised whenever the entity list is read again: an undo made from another page, or Ctrl+Z, may have
   * changed this entity, so the page is read again with the list.
   */
  listVersion: number
  undoStack: UndoStack
  onOpenPassage: (articleId: string, target: { highlightId: string } | { start: number; end: number }) => void
  /**
   * The entity changed (or became another one, after a merge or a split, or is gone: null): the index
   * is asked again, and the rest of the app shows the change.
   */
  onChanged: (openId?: string | null) => void
}

type Dialog =
  { kind: 'type' } | { kind: 'merge' } | { kind: 'split'; alias: string } | { kind: 'occurrences' }

const MENTIONS_SHOWN = 300

export function EntityPageView(props: EntityPageViewProps) {
  const { id, listVersion, undoStack, onOpenPassage, onChanged } = props
  const [page, setPage] = useState<EntityPage | undefined>(undefined)
  const [error, setError] = useState<string | undefined>(undefined)
  const [notes, setNotes] = useState<string | undefined>(undefined)
  const [version, setVersion] = useState(0)
  const [renaming, setRenaming] = useState(false)
  const [addingAlias, setAddingAlias] = useState(false)
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const addToBrief = useAddToBrief()
  const actions = useEntityActions(undoStack, {
    onChanged: (openId) => {
      setVersion((v) => v + 1)
      onChanged(openId)
    },
  })

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!page || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return
    if (isTypingTarget(event.target) || isDialogOpen()) return
    if (event.key === 'F2') setRenaming(true)
    else if (event.key === 'Delete') void actions.remove(page.row.entity)
    else return
    event.preventDefault()
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  useEffect(() => {
    let live = true
    dossier.entities.page({ id }).then(
      (got) => live && setPage(got),
      (failure: unknown) => live && setError(failure instanceof Error ? failure.message : String(failure)),
    )
    return () => {
      live = false
    }
  }, [id, version, listVersion])

  if (error)
    return (
      <Text c="red" p="lg">
        {error}
      </Text>
    )
  if (!page) return <Loader m="xl" type="dots" />
  const { row } = page
  const entity = row.entity
  const typeLabel = row.customType?.name ?? entity.type
  const titles = new Map(page.articles.map((a) => [a.id, a]))
  const peak = Math.max(1, ...page.timeline.map((t) => t.mentions))
  const confirmed = page.mentions.filter((m) => m.status === 'confirmed').length

  async function saveNotes() {
    if (notes === undefined || notes === entity.notes) return
    await actions.saveNotes(entity, notes)
  }

  const setAliases = (aliases: string[], done: { label: string; message: string }) =>
    actions.update(entity, { aliases }, done)

  async function acceptSuggestions() {
    await acceptAllOf(undoStack, id, () => {
      setVersion((v) => v + 1)
      onChanged()
    })
  }

  return (
    <Stack gap="lg" p="lg" maw={900} mx="auto" data-testid="entity-page">
      <div>
        <EntityHeading
          row={row}
          renaming={renaming}
          onRenaming={setRenaming}
          onRename={(name) =>
            actions.update(
              entity,
              { name },
              { label: 'Entity renamed', message: `${entity.name} renamed “${name}”` },
            )
          }
          onChooseType={() => setDialog({ kind: 'type' })}
          actions={
            <>
              <Button
                size="compact-sm"
                variant="light"
                leftSection={<IconListSearch size={14} />}
                onClick={() => setDialog({ kind: 'occurrences' })}
              >
                Find every occurrence
              </Button>
              <EntityActionsMenu
                onRename={() => setRenaming(true)}
                onChooseType={() => setDialog({ kind: 'type' })}
                onAddAlias={() => setAddingAlias(true)}
                onMerge={() => setDialog({ kind: 'merge' })}
                onFindAll={() => setDialog({ kind: 'occurrences' })}
                onDelete={() => void actions.remove(entity)}
              />
            </>
          }
        />
        <AliasesEditor
          aliases={entity.aliases}
          adding={addingAlias}
          onAdding={setAddingAlias}
          onAdd={(alias) =>
            setAliases([...entity.aliases, alias], {
              label: 'Alias added',
              message: `“${alias}” added to ${entity.name}`,
            })
          }
          onRemove={(alias) =>
            void setAliases(
              entity.aliases.filter((a) => a !== alias),
              { label: 'Alias removed', message: `“${alias}” is no longer an alias of ${entity.name}` },
            )
          }
          onSplit={(alias) => setDialog({ kind: 'split', alias })}
        />
        <Text size="sm" c="dimmed" mt={6}>
          {plural(row.mentions, 'mention')} in {plural(row.articles, 'article')}
          {row.firstSeen && `, from ${formatPublished(row.firstSeen)} to ${formatPublished(row.lastSeen)}`}
        </Text>
      </div>
      <Textarea
        label="Notes"
        placeholder="What you know about it, where it fits"
        autosize
        minRows={2}
        value={notes ?? entity.notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        onBlur={() => void saveNotes()}
      />

      {page.timeline.length > 0 && (
        <div>
          <Title order={4} mb={6}>
            Mentions by month of publication
          </Title>
          <div className={classes.timeline} role="img" aria-label="Mentions by month">
            {page.timeline.map((t) => (
              <Tooltip key={t.month} label={`${t.month}: ${plural(t.mentions, 'mention')}`}>
                <div className={classes.bar}>
                  <div className={classes.barFill} style={{ height: `${(t.mentions / peak) * 100}%` }} />
                  <span className={classes.barLabel}>{t.month.slice(2)}</span>
                </div>
              </Tooltip>
            ))}
          </div>
        </div>
      )}

      {row.suggested > 0 && (
        <Card withBorder padding="sm">
          <Group justify="space-between">
            <Text size="sm">
              {plural(row.suggested, 'more place')} where it is probably mentioned, suggested from its name
              and aliases.
            </Text>
            <Button
              size="compact-sm"
              color="teal"
              leftSection={<IconCheck size={14} />}
              onClick={() => void acceptSuggestions()}
            >
              Accept all
            </Button>
          </Group>
        </Card>
      )}

      <div>
        <Group justify="space-between" mb={6}>
          <Title order={4}>Highlights that include it</Title>
          {page.highlights.length > 1 && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconFilePlus size={14} />}
              onClick={() =>
                addToBrief(
                  page.highlights.map((h) => ({ articleId: h.articleId, highlightId: h.highlightId })),
                )
              }
            >
              Add all to a brief
            </Button>
          )}
        </Group>
        {page.highlights.length === 0 ? (
          <Text size="sm" c="dimmed">
            No highlight holds a mention of it yet.
          </Text>
        ) : (
          <Stack gap={6}>
            {page.highlights.map((h) => (
              <Group key={h.highlightId} wrap="nowrap" align="flex-start" className={classes.highlight}>
                <Text size="sm" ff="serif" flex={1}>
                  “{h.quote}”
                  <Text span size="xs" c="dimmed" ff="var(--mantine-font-family)">
                    {' '}
                    — {titles.get(h.articleId)?.title}
                  </Text>
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="gray"
                  leftSection={<IconArrowUpRight size={13} />}
                  onClick={() => onOpenPassage(h.articleId, { highlightId: h.highlightId })}
                >
                  Open
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="gray"
                  leftSection={<IconFilePlus size={13} />}
                  onClick={() => addToBrief([{ articleId: h.articleId, highlightId: h.highlightId }])}
                >
                  Add to brief
                </Button>
              </Group>
            ))}
          </Stack>
        )}
      </div>

      {page.briefs.length > 0 && (
        <div>
          <Title order={4} mb={6}>
            In briefs
          </Title>
          <Text size="sm">{page.briefs.map((b) => b.title).join(' · ')}</Text>
        </div>
      )}

      <div>
        <Title order={4} mb={6}>
          Every mention ({confirmed} confirmed
          {page.mentions.length > confirmed ? `, ${page.mentions.length - confirmed} suggested` : ''})
        </Title>
        <Stack gap={2} role="list" aria-label="Mentions in context">
          {page.mentions.slice(0, MENTIONS_SHOWN).map((m) => (
            <UnstyledButton
              key={m.mentionId}
              role="listitem"
              className={classes.kwic}
              data-suggested={m.status === 'suggested' || undefined}
              onClick={() => onOpenPassage(m.articleId, { start: m.start, end: m.end })}
              title={titles.get(m.articleId)?.title}
            >
              <span className={classes.before}>
                <bdi>{m.before}</bdi>
              </span>
              <span className={classes.keyword}>{m.text}</span>
              <span className={classes.after}>{m.after}</span>
            </UnstyledButton>
          ))}
        </Stack>
        {page.mentions.length > MENTIONS_SHOWN && (
          <Text size="xs" c="dimmed" mt={4}>
            The first {MENTIONS_SHOWN} of {page.mentions.length} are shown.
          </Text>
        )}
      </div>

      {dialog?.kind === 'type' && (
        <EntityTypeModal
          opened
          entity={entity}
          onClose={() => setDialog(null)}
          onEditType={actions.recolorType}
          onChoose={(fields, label) =>
            void actions
              .update(entity, fields, {
                label: 'Type changed',
                message: `${entity.name} is now of the type ${label}`,
              })
              .then((ok) => ok && setDialog(null))
          }
        />
      )}
      {dialog?.kind === 'merge' && (
        <MergeEntitiesModal
          into={entity}
          onClose={() => setDialog(null)}
          onMerge={(others) => void actions.merge(entity, others).then((ok) => ok && setDialog(null))}
        />
      )}
      {dialog?.kind === 'split' && (
        <SplitAliasModal
          entity={entity}
          typeLabel={typeLabel}
          alias={dialog.alias}
          onClose={() => setDialog(null)}
          onSplit={(type) =>
            void actions.split(entity, dialog.alias, type).then((ok) => ok && setDialog(null))
          }
        />
      )}
      {dialog?.kind === 'occurrences' && (
        <OccurrencesModal
          entity={entity}
          undoStack={undoStack}
          onClose={() => setDialog(null)}
          onChanged={() => {
            setVersion((v) => v + 1)
            onChanged()
          }}
        />
      )}
    </Stack>
  )
}
