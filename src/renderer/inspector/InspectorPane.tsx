// The aside: what the analyst has marked in the open article, as one virtual list, so an article with
// thousands of highlights and mentions renders only the rows on screen.
import { AppShell, Button, Center, Divider, Group, Loader, ScrollArea, Text } from '@mantine/core'
import { IconBulb, IconHighlight, IconUnlink, IconUsers } from '@tabler/icons-react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ArticleView } from '../../shared/api'
import type { AnnotationActions } from '../app/useAnnotationActions'
import { CodeLegend } from '../codes/CodeLegend'
import type { Codebook } from '../codes/useCodebook'
import { EntityHeader, MentionRow, SuggestionRow } from './EntityRow'
import { HighlightCard } from './HighlightCard'
import { estimatedHeight, inspectorRows, type InspectorRow } from './inspector-rows'
import classes from './Inspector.module.css'
import { SectionHeading } from './SectionHeading'
import { UnanchoredHighlight, UnanchoredMention } from './UnanchoredRow'

interface InspectorPaneProps {
  view: ArticleView | undefined
  /** An article is open but its lists are not ready yet. */
  loading: boolean
  actions: AnnotationActions
  codebook: Codebook
  focusedId: string | null
  onFocus: (id: string | null) => void
  onEditCodebook: () => void
  /** Confirms (true) or rejects suggested tags of the open article. */
  onReviewSuggestions: (accept: boolean, mentionIds: string[]) => void
  /** Finds every occurrence of an entity in the open article, to tag them. */
  onTagAll?: (entity: { id: string; name: string }) => void
  /** Never suggests a form as this entity again. */
  /** Never suggests a form again, as this entity or (for a proposal) as any. */
  onNeverSuggest?: (form: string, entity?: { id: string; name: string }) => void
}

const EMPTY: Record<'highlights' | 'entities', string> = {
  highlights: 'Select a passage and press H to highlight it, or 1–9 to give it a code.',
  entities: 'Select a name and press T to tag it.',
}

export function InspectorPane(props: InspectorPaneProps) {
  const { view, loading, actions, codebook, focusedId, onFocus, onEditCodebook } = props
  const viewport = useRef<HTMLDivElement>(null)
  const [editingId, setEditingId] = useState<string | null>(null)
  const rows = useMemo(() => (view ? inspectorRows(view.article, view.entities) : []), [view])
  // The virtualizer re-renders this pane itself; nothing memoised downstream holds its functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => viewport.current,
    estimateSize: (index) => estimatedHeight(rows[index]!),
    getItemKey: (index) => rows[index]!.key,
    overscan: 6,
    // Measuring after a change waits for the next frame instead of forcing a synchronous re-render.
    useFlushSync: false,
  })

  // The focused highlight's card comes into view.
  useEffect(() => {
    if (!focusedId) return
    const index = rows.findIndex((r) => r.kind === 'highlight' && r.highlight.id === focusedId)
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' })
  }, [focusedId, rows, virtualizer])

  if (!view && loading) {
    return (
      <AppShell.Section grow p="md">
        <Center mt="xl">
          <Loader size="sm" type="dots" aria-label="Loading the highlights and entities" />
        </Center>
      </AppShell.Section>
    )
  }
  if (!view) {
    return (
      <AppShell.Section grow p="md">
        <Text size="sm" c="dimmed">
          Open an article to see its highlights and the people, organisations and places tagged in it.
        </Text>
      </AppShell.Section>
    )
  }
  const { article } = view

  function render(row: InspectorRow) {
    switch (row.kind) {
      case 'heading':
        return row.section === 'highlights' ? (
          <SectionHeading
            icon={<IconHighlight size={17} aria-hidden />}
            title="Highlights"
            count={row.count}
          />
        ) : (
          <SectionHeading icon={<IconUsers size={17} aria-hidden />} title="Entities" count={row.count} />
        )
      case 'empty':
        return (
          <Text size="sm" c="dimmed" pb="xs">
            {EMPTY[row.section]}
          </Text>
        )
      case 'divider':
        return <Divider my="sm" />
      case 'highlight': {
        const { highlight } = row
        return (
          <div style={{ paddingBottom: 'var(--mantine-spacing-sm)' }}>
            <HighlightCard
              articleId={article.id}
              highlight={highlight}
              codes={codebook.codes}
              code={codebook.byId.get(highlight.codeId)}
              focused={highlight.id === focusedId}
              editing={highlight.id === editingId}
              actions={actions}
              setFocused={onFocus}
              setEditing={setEditingId}
            />
          </div>
        )
      }
      case 'unanchored-heading':
        return (
          <div>
            <SectionHeading
              icon={<IconUnlink size={17} aria-hidden />}
              title="Unanchored"
              count={row.count}
            />
            <Text size="xs" c="dimmed" pb="xs">
              Their words are no longer found in the text of this article. They are kept here, and in exported
              briefs, until you remove them.
            </Text>
          </div>
        )
      case 'unanchored-highlight':
        return (
          <UnanchoredHighlight
            highlight={row.highlight}
            code={codebook.byId.get(row.highlight.codeId)}
            onRemove={() => void actions.removeHighlight(article.id, row.highlight)}
          />
        )
      case 'unanchored-mention':
        return (
          <UnanchoredMention
            mention={row.mention}
            entity={row.entity}
            onRemove={() => void actions.removeMention(article.id, row.mention, row.entity)}
          />
        )
      case 'type':
        return <div className={classes.typeLabel}>{row.type}</div>
      case 'entity':
        return (
          <EntityHeader
            row={row.row}
            onTagAll={
              props.onTagAll && row.row.entity
                ? () => props.onTagAll!({ id: row.row.entityId, name: row.row.name })
                : undefined
            }
          />
        )
      case 'suggested-heading':
        return (
          <div>
            <SectionHeading
              icon={<IconBulb size={17} aria-hidden />}
              title="Suggested"
              count={row.mentions.length}
            />
            <Text size="xs" c="dimmed" pb={6}>
              Names you confirmed elsewhere, and close variants of them, found here; then names the recogniser
              found that no entity has yet (accepting one makes the entity). Dotted in the text until you
              accept or reject them.
            </Text>
            <Group gap={6} pb="xs">
              <Button
                size="compact-xs"
                variant="light"
                color="teal"
                onClick={() =>
                  props.onReviewSuggestions(
                    true,
                    row.mentions.map((m) => m.id),
                  )
                }
              >
                Accept all
              </Button>
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                onClick={() =>
                  props.onReviewSuggestions(
                    false,
                    row.mentions.map((m) => m.id),
                  )
                }
              >
                Reject all
              </Button>
            </Group>
          </div>
        )
      case 'suggestion':
        return (
          <SuggestionRow
            mention={row.mention}
            entity={row.entity}
            onAccept={() => props.onReviewSuggestions(true, [row.mention.id])}
            onReject={() => props.onReviewSuggestions(false, [row.mention.id])}
            onNever={
              props.onNeverSuggest && (row.entity || row.mention.proposed)
                ? () =>
                    props.onNeverSuggest!(
                      row.mention.target.quote.exact,
                      row.entity && { id: row.entity.id, name: row.entity.name },
                    )
                : undefined
            }
          />
        )
      case 'mention':
        return (
          <MentionRow
            mention={row.mention}
            onRemove={() => void actions.removeMention(article.id, row.mention, row.row.entity)}
          />
        )
    }
  }

  return (
    <>
      <CodeLegend codes={codebook.codes} onEdit={onEditCodebook} />
      <AppShell.Section grow component={ScrollArea} type="scroll" viewportRef={viewport}>
        <div
          role="list"
          aria-label="Marks in this article"
          style={{
            height: virtualizer.getTotalSize(),
            position: 'relative',
            margin: 'var(--mantine-spacing-md)',
          }}
        >
          {virtualizer.getVirtualItems().map((item) => (
            <div
              key={item.key}
              role="listitem"
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${item.start}px)`,
              }}
            >
              {render(rows[item.index]!)}
            </div>
          ))}
        </div>
      </AppShell.Section>
    </>
  )
}
