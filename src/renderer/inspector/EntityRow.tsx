// One entity of the open article with each of its mentions (click to find it, × to remove it).
import { Badge, CloseButton, ColorSwatch, Group, Stack, Text, UnstyledButton } from '@mantine/core'
import type { Mention } from '../../shared/model'
import { entityCssColor } from '../reader/annotation-colors'
import { mentionSelector, revealInReader } from '../reader/reveal'
import { quoteInContext, type EntityMentions } from './annotation-lists'
import classes from './Inspector.module.css'

function context(mention: Mention) {
  const { before, exact, after } = quoteInContext(mention.target.quote)
  return (
    <>
      {before}
      <Text span inherit fw={650} c="var(--mantine-color-text)">
        {exact}
      </Text>
      {after}
    </>
  )
}

interface EntityRowProps {
  row: EntityMentions
  onRemove: (mention: Mention) => void
}

export function EntityRow({ row, onRemove }: EntityRowProps) {
  return (
    <Stack gap={2}>
      <Group gap={8} wrap="nowrap">
        <ColorSwatch color={entityCssColor(row.type)} size={10} withShadow={false} aria-hidden />
        <Text size="sm" fw={600} style={{ flex: 1, minWidth: 0 }} truncate="end" title={row.name}>
          {row.name}
        </Text>
        <Badge size="xs" variant="light" color="gray" radius="sm">
          {row.mentions.length}×
        </Badge>
      </Group>
      {row.mentions.map((mention) => (
        <div key={mention.id} className={classes.mention}>
          <UnstyledButton
            className={classes.mentionQuote}
            onClick={() => revealInReader(mentionSelector(mention.id))}
            title="Show in the article"
          >
            <Text size="xs" c="dimmed" lineClamp={2}>
              {context(mention)}
            </Text>
          </UnstyledButton>
          <CloseButton
            size="xs"
            aria-label="Remove mention"
            title="Remove mention"
            onClick={() => onRemove(mention)}
          />
        </div>
      ))}
    </Stack>
  )
}
