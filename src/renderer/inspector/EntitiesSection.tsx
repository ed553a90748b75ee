// The inspector's entities of the open article, grouped by type.
import { Stack, Text } from '@mantine/core'
import { IconUsers } from '@tabler/icons-react'
import { useMemo } from 'react'
import type { ArticleView } from '../../shared/api'
import type { AnnotationActions } from '../app/useAnnotationActions'
import { groupMentions, mentionCount } from './annotation-lists'
import { EntityRow } from './EntityRow'
import { SectionHeading } from './SectionHeading'

interface EntitiesSectionProps {
  view: ArticleView
  actions: AnnotationActions
}

export function EntitiesSection({ view, actions }: EntitiesSectionProps) {
  const { article, entities } = view
  const groups = useMemo(() => groupMentions(article, entities), [article, entities])
  return (
    <section>
      <SectionHeading
        icon={<IconUsers size={17} aria-hidden />}
        title="Entities"
        count={mentionCount(groups)}
      />
      {groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          Select a name and press T to tag it.
        </Text>
      ) : (
        <Stack gap="md">
          {groups.map((group) => (
            <Stack key={group.type} gap={8}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
                {group.type}
              </Text>
              {group.entities.map((row) => (
                <EntityRow
                  key={row.entityId}
                  row={row}
                  onRemove={(mention) => void actions.removeMention(article.id, mention, row.entity)}
                />
              ))}
            </Stack>
          ))}
        </Stack>
      )}
    </section>
  )
}
