// Rows of the inspector's entities: an entity with its count, and each of its mentions in context
// (click to find it, × to remove it), and suggested tags to accept, reject or never suggest again. One
// row each, so the list virtualises however many there are.
import {
  ActionIcon,
  Badge,
  CloseButton,
  ColorSwatch,
  Group,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core'
import { IconBan, IconCheck, IconListSearch } from '@tabler/icons-react'
import type { Entity, Mention } from '../../shared/model'
import { useEntityTypes } from '../entities/useEntityTypes'
import { entityCssColor, entityTypeColor } from '../reader/annotation-colors'
import { revealInReader } from '../reader/reveal'
import { quoteInContext, type EntityMentions } from './annotation-lists'
import classes from './Inspector.module.css'

/** An entity of the article, with "tag all in this article" when the entity is known. */
export function EntityHeader({ row, onTagAll }: { row: EntityMentions; onTagAll?: () => void }) {
  const types = useEntityTypes()
  const color = row.entity ? entityTypeColor(row.entity, types) : entityCssColor(row.type)
  return (
    <Group gap={8} wrap="nowrap" pt={6}>
      <ColorSwatch color={color} size={10} withShadow={false} aria-hidden />
      <Text size="sm" fw={600} style={{ flex: 1, minWidth: 0 }} truncate="end" title={row.name}>
        {row.name}
      </Text>
      <Badge size="xs" variant="light" color="gray" radius="sm">
        {row.mentions.length}×
      </Badge>
      {onTagAll && (
        <Tooltip label="Tag all in this article" openDelay={300}>
          <ActionIcon
            size="xs"
            variant="subtle"
            color="gray"
            aria-label={`Tag all ${row.name} in this article`}
            onClick={onTagAll}
          >
            <IconListSearch size={13} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  )
}

export function MentionRow({ mention, onRemove }: { mention: Mention; onRemove: () => void }) {
  const { before, exact, after } = quoteInContext(mention.target.quote)
  return (
    <div className={classes.mention}>
      <UnstyledButton
        className={classes.mentionQuote}
        onClick={() => revealInReader({ mentionId: mention.id })}
        title="Show in the article"
      >
        <Text size="xs" c="dimmed" lineClamp={2}>
          {before}
          <Text span inherit fw={650} c="var(--mantine-color-text)">
            {exact}
          </Text>
          {after}
        </Text>
      </UnstyledButton>
      <CloseButton size="xs" aria-label="Remove mention" title="Remove mention" onClick={onRemove} />
    </div>
  )
}

interface SuggestionRowProps {
  mention: Mention
  entity: Entity | undefined
  onAccept: () => void
  onReject: () => void
  /** Never suggest this form as this entity again. */
  onNever?: () => void
}

/**
 * A suggested tag: the name in context, the entity it would be (or the new one it proposes), who
 * suggested it and how sure it is, ✓ / × to confirm or reject it, and ⊘ never to suggest the form
 * as that entity (for a proposal, as any) again.
 */
export function SuggestionRow({ mention, entity, onAccept, onReject, onNever }: SuggestionRowProps) {
  const { before, exact, after } = quoteInContext(mention.target.quote)
  const proposed = entity ? undefined : mention.proposed
  const target = entity ?? proposed
  const sure = mention.score === undefined ? '' : ` ${Math.round(mention.score * 100)}%`
  return (
    <div className={classes.mention} data-testid="suggestion">
      <UnstyledButton
        className={classes.mentionQuote}
        onClick={() => revealInReader({ mentionId: mention.id })}
        title={`Suggested as ${proposed ? 'a new entity, ' : ''}${target?.name ?? 'an entity'} (${target?.type ?? 'Other'})${mention.score !== undefined ? `, ${Math.round(mention.score * 100)}% sure` : ''}`}
      >
        <Text size="xs" c="dimmed" lineClamp={2}>
          {before}
          <Text span inherit fw={650} c="var(--mantine-color-text)">
            {exact}
          </Text>
          {after}
        </Text>
        {target && (
          <Text size="xs" c="dimmed" fs="italic" data-testid="suggestion-target">
            → {proposed ? `new ${proposed.type}: ` : ''}
            {target.name}
            {mention.source ? ` · ${mention.source}${sure}` : ''}
          </Text>
        )}
      </UnstyledButton>
      <ActionIcon size="sm" variant="subtle" color="teal" aria-label={`Accept “${exact}”`} onClick={onAccept}>
        <IconCheck size={14} />
      </ActionIcon>
      <CloseButton size="xs" aria-label={`Reject “${exact}”`} title="Reject" onClick={onReject} />
      {onNever && (
        <ActionIcon
          size="sm"
          variant="subtle"
          color="gray"
          aria-label={`Never suggest “${exact}”`}
          title={entity ? `Never suggest “${exact}” as ${entity.name}` : `Never suggest “${exact}”`}
          onClick={onNever}
        >
          <IconBan size={13} />
        </ActionIcon>
      )}
    </div>
  )
}
