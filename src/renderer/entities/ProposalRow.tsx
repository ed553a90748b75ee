// One proposed entity in the review: its checkbox, name and type, how often and in how many articles it
// was found, its best-scored mention in context with the article's title, and Accept for that name.
import { Badge, Button, Checkbox, Group, Text } from '@mantine/core'
import type { ProposalGroup } from '../../shared/entities'
import { entityColor } from '../reader/annotation-colors'
import { plural } from '../import/summarize-imports'
import classes from './Entities.module.css'

/** One group per name and type, as the services group them. */
export const proposalKey = (g: Pick<ProposalGroup, 'proposed'>) =>
  `${g.proposed.type}\u0000${g.proposed.name}`

interface ProposalRowProps {
  group: ProposalGroup
  chosen: boolean
  disabled: boolean
  onToggle: (on: boolean) => void
  onAccept: () => void
}

export function ProposalRow({ group, chosen, disabled, onToggle, onAccept }: ProposalRowProps) {
  const { proposed, sample } = group
  const found = `${plural(group.count, 'mention')} in ${plural(group.articles, 'article')}`
  return (
    <div className={classes.proposal} data-checked={chosen || undefined}>
      <Checkbox
        size="sm"
        disabled={disabled}
        checked={chosen}
        onChange={(e) => onToggle(e.currentTarget.checked)}
        aria-label={`Choose ${proposed.name}, ${proposed.type}, ${found}`}
      />
      <div className={classes.proposalBody}>
        <Group gap={8} wrap="nowrap">
          <Text size="sm" fw={650} className={classes.entityName} title={proposed.name}>
            {proposed.name}
          </Text>
          <Badge size="xs" variant="light" radius="sm" color={entityColor[proposed.type]}>
            {proposed.type}
          </Badge>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {found} · score {group.score.toFixed(2)}
          </Text>
        </Group>
        <div className={classes.proposalSample} title={sample.articleTitle}>
          <span className={classes.before}>
            <bdi>{sample.before}</bdi>
          </span>
          <span className={classes.keyword}>{sample.text}</span>
          <span className={classes.after}>{sample.after}</span>
          <span className={classes.proposalSource}>{sample.articleTitle}</span>
        </div>
      </div>
      <Button
        size="compact-sm"
        variant="light"
        disabled={disabled}
        aria-label={`Accept ${proposed.name} (${found})`}
        onClick={onAccept}
      >
        Accept
      </Button>
    </div>
  )
}
