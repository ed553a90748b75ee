// One part of a brief's section: an excerpt (the quoted passage with its code, number and source, the
// sentence around it on demand, and the analyst's commentary) or a free paragraph. Dragged by its grip,
// or moved with Alt+↑/↓ from anywhere on the card.
import { ActionIcon, Badge, Button, Card, Group, Stack, Text, Textarea, Tooltip } from '@mantine/core'
import type { DraggableProvided } from '@hello-pangea/dnd'
import {
  IconArrowDown,
  IconArrowUp,
  IconArrowUpRight,
  IconGripVertical,
  IconTextCaption,
  IconTrash,
} from '@tabler/icons-react'
import { useState, type KeyboardEvent } from 'react'
import { gradeMeaning, type BriefItem, type ExcerptContext, type ExcerptState } from '../../shared/brief'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'
import classes from './Brief.module.css'

interface BriefItemCardProps {
  item: BriefItem
  state: ExcerptState | undefined
  drag: DraggableProvided
  dragging: boolean
  onChange: (item: BriefItem) => void
  onMove: (delta: number) => void
  onRemove: () => void
  onOpenPassage: (articleId: string, highlightId: string) => void
}

export function BriefItemCard(props: BriefItemCardProps) {
  const { item, state, drag, dragging, onChange, onMove, onRemove } = props

  function onKeyDown(event: KeyboardEvent) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return
    event.preventDefault()
    onMove(event.key === 'ArrowUp' ? -1 : 1)
  }

  // The drag library hands over its ref and props as plain values to spread; they are not read here.
  return (
    <Card
      // eslint-disable-next-line react-hooks/refs -- see above
      ref={drag.innerRef}
      // eslint-disable-next-line react-hooks/refs -- see above
      {...drag.draggableProps}
      withBorder
      padding="sm"
      tabIndex={0}
      className={classes.item}
      data-dragging={dragging || undefined}
      data-testid="brief-item"
      aria-label={item.kind === 'excerpt' ? `Excerpt: ${item.copy.quote.slice(0, 80)}` : 'Paragraph'}
      onKeyDown={onKeyDown}
    >
      <Group align="flex-start" wrap="nowrap" gap="xs">
        <div
          // eslint-disable-next-line react-hooks/refs -- see above
          {...drag.dragHandleProps}
          className={classes.grip}
          aria-label="Drag to move (Space to lift, arrows to move, Space to drop)"
        >
          <IconGripVertical size={16} />
        </div>
        <Stack gap={6} flex={1} miw={0}>
          {item.kind === 'excerpt' ? (
            <Excerpt {...props} item={item} state={state} />
          ) : (
            <Textarea
              aria-label="Paragraph"
              placeholder="Write a paragraph"
              autosize
              minRows={2}
              value={item.text}
              onChange={(e) => onChange({ ...item, text: e.currentTarget.value })}
            />
          )}
        </Stack>
        <Stack gap={2}>
          <ActionIcon variant="subtle" color="gray" aria-label="Move up (Alt+↑)" onClick={() => onMove(-1)}>
            <IconArrowUp size={14} />
          </ActionIcon>
          <ActionIcon variant="subtle" color="gray" aria-label="Move down (Alt+↓)" onClick={() => onMove(1)}>
            <IconArrowDown size={14} />
          </ActionIcon>
          <ActionIcon variant="subtle" color="gray" aria-label="Remove from the brief" onClick={onRemove}>
            <IconTrash size={14} />
          </ActionIcon>
        </Stack>
      </Group>
    </Card>
  )
}

type ExcerptProps = BriefItemCardProps & { item: Extract<BriefItem, { kind: 'excerpt' }> }

function Excerpt({ item, state, onChange, onOpenPassage }: ExcerptProps) {
  const [context, setContext] = useState<ExcerptContext | 'loading' | undefined>(undefined)
  const color = state?.code?.color ?? 'var(--mantine-color-gray-4)'
  const gone = state?.removed === true

  async function toggleContext() {
    if (context) return setContext(undefined)
    setContext('loading')
    try {
      setContext(await dossier.briefs.context({ articleId: item.articleId, highlightId: item.highlightId }))
    } catch (error) {
      setContext(undefined)
      notifyError(error, 'Could not find the sentence around this passage')
    }
  }

  const shown = context && context !== 'loading' ? context : undefined
  return (
    <>
      <Group gap={6} wrap="nowrap" miw={0}>
        {state && (
          <Badge size="sm" variant="default" radius="sm" title="Citation number">
            {state.number}
          </Badge>
        )}
        {(state?.code?.name ?? item.copy.codeName) && (
          <Badge size="xs" variant="light" radius="sm" color="gray" leftSection={<Swatch color={color} />}>
            {state?.code?.name ?? item.copy.codeName}
          </Badge>
        )}
        <Text size="xs" c="dimmed" truncate="end" title={state?.citation}>
          {item.copy.articleTitle}
          {state?.paragraph !== undefined && ` · ¶ ${state.paragraph}`}
        </Text>
        {state?.grade && (
          <Tooltip label={gradeMeaning(state.grade)}>
            <Badge size="xs" variant="outline" color="gray" radius="sm">
              {state.grade}
            </Badge>
          </Tooltip>
        )}
        {gone && (
          <Tooltip label="The highlight was removed from its article. The brief keeps the words it quoted.">
            <Badge size="xs" color="red" variant="light" data-testid="excerpt-removed">
              Highlight removed
            </Badge>
          </Tooltip>
        )}
        {state?.unanchored && (
          <Badge size="xs" color="orange" variant="light">
            Not found in the current text
          </Badge>
        )}
      </Group>
      <Text
        size="sm"
        ff="serif"
        className={classes.quote}
        style={{ borderInlineStartColor: color }}
        dir="auto"
      >
        {shown ? (
          <>
            <span className={classes.context}>{shown.before}</span>
            <mark className={classes.fragment}>{shown.quote}</mark>
            <span className={classes.context}>{shown.after}</span>
          </>
        ) : (
          <>“{item.copy.quote}”</>
        )}
      </Text>
      {!gone && (
        <Group gap={4}>
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            leftSection={<IconTextCaption size={13} />}
            loading={context === 'loading'}
            aria-pressed={Boolean(shown)}
            onClick={() => void toggleContext()}
          >
            {shown ? 'Hide the sentence' : 'Show the sentence'}
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            leftSection={<IconArrowUpRight size={13} />}
            onClick={() => onOpenPassage(item.articleId, item.highlightId)}
          >
            Open in the article
          </Button>
        </Group>
      )}
      <Textarea
        aria-label="Commentary"
        placeholder="Your commentary on this passage"
        autosize
        minRows={1}
        value={item.commentary}
        onChange={(e) => onChange({ ...item, commentary: e.currentTarget.value })}
      />
    </>
  )
}

function Swatch({ color }: { color: string }) {
  return <span className={classes.swatch} style={{ background: color }} />
}
