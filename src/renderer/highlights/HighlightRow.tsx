// One highlight in the list: its code, the quoted passage, the note, where it comes from, and the two
// things to do with it (open it in its article, copy it as a quotation, add it to a brief), with a box
// that chooses it for adding several at once.
import { Badge, Button, Checkbox, ColorSwatch, Group, Stack, Text } from '@mantine/core'
import { IconArrowUpRight, IconCopy, IconFilePlus } from '@tabler/icons-react'
import type { CSSProperties } from 'react'
import type { HighlightRow as Row } from '../../shared/highlight-search'
import type { Code, Entity } from '../../shared/model'
import { formatPublished } from '../library/article-format'
import { useEntityTypes } from '../entities/useEntityTypes'
import { entityBadgeColor } from '../reader/annotation-colors'
import classes from './Highlights.module.css'

interface HighlightRowProps {
  row: Row
  index: number
  code: Code | undefined
  entities: Map<string, Entity>
  active: boolean
  tabbable: boolean
  onFocus: () => void
  onOpen: () => void
  onCopy: () => void
  chosen: boolean
  onChoose: (run: boolean) => void
  onAddToBrief: () => void
}

const MAX_ENTITIES = 4

export function HighlightRow(props: HighlightRowProps) {
  const { row, index, code, entities, active, tabbable, onFocus, onOpen, onCopy } = props
  const { chosen, onChoose, onAddToBrief } = props
  const quote = row.highlight.target.quote.exact.replace(/\s+/g, ' ').trim()
  const source = [row.title, row.siteName, formatPublished(row.published)].filter(Boolean).join(' · ')
  const tagged = row.entityIds.flatMap((id) => entities.get(id) ?? [])
  const types = useEntityTypes()
  return (
    <div
      role="listitem"
      data-index={index}
      data-highlight-row={row.highlight.id}
      aria-label={`${code?.name ?? 'Highlight'}: ${quote}`}
      className={classes.row}
      data-active={active || undefined}
      style={{ '--code-color': code?.color ?? 'var(--mantine-color-gray-5)' } as CSSProperties}
      tabIndex={tabbable ? 0 : -1}
      onFocus={onFocus}
      data-chosen={chosen || undefined}
      onDoubleClick={onOpen}
    >
      <Checkbox
        className={classes.choose}
        size="xs"
        checked={chosen}
        aria-label="Choose this highlight"
        tabIndex={-1}
        onChange={() => undefined}
        onClick={(event) => onChoose(event.shiftKey)}
      />
      <div className={classes.body}>
        <Group gap={8} wrap="nowrap">
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            <ColorSwatch color={code?.color ?? 'gray'} size={10} withShadow={false} />
            <Text size="xs" fw={700} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
              {code?.name ?? 'Uncoded'}
            </Text>
          </Group>
          {tagged.slice(0, MAX_ENTITIES).map((entity) => (
            <Badge
              key={entity.id}
              size="xs"
              variant="light"
              color={entityBadgeColor(entity, types)}
              radius="sm"
            >
              {entity.name}
            </Badge>
          ))}
          {tagged.length > MAX_ENTITIES && (
            <Text size="xs" c="dimmed">
              +{tagged.length - MAX_ENTITIES}
            </Text>
          )}
        </Group>
        <Text className={classes.quote} lineClamp={3} dir="auto">
          “{quote}”
        </Text>
        {row.highlight.note.trim() && (
          <Text size="sm" c="dimmed" lineClamp={2} className={classes.note} dir="auto">
            {row.highlight.note}
          </Text>
        )}
        <Text size="xs" c="dimmed" mt={6} truncate="end" title={source}>
          {source}
        </Text>
      </div>
      <Stack gap={4} className={classes.actions}>
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconArrowUpRight size={14} />}
          tabIndex={tabbable ? 0 : -1}
          onClick={onOpen}
        >
          Open passage
        </Button>
        <Button
          size="compact-sm"
          variant="subtle"
          color="gray"
          leftSection={<IconCopy size={14} />}
          tabIndex={tabbable ? 0 : -1}
          onClick={onCopy}
        >
          Copy as quotation
        </Button>
        <Button
          size="compact-sm"
          variant="subtle"
          color="gray"
          leftSection={<IconFilePlus size={14} />}
          tabIndex={tabbable ? 0 : -1}
          onClick={onAddToBrief}
        >
          Add to brief
        </Button>
      </Stack>
    </div>
  )
}
