// The inspector's list of the article's highlights, in reading order.
import { Stack, Text } from '@mantine/core'
import { IconHighlight } from '@tabler/icons-react'
import type { Article } from '../../shared/model'
import type { AnnotationActions } from '../app/useAnnotationActions'
import { highlightsInOrder } from './annotation-lists'
import { HighlightCard } from './HighlightCard'
import { SectionHeading } from './SectionHeading'

interface HighlightsSectionProps {
  article: Article
  actions: AnnotationActions
}

export function HighlightsSection({ article, actions }: HighlightsSectionProps) {
  const highlights = highlightsInOrder(article)
  return (
    <section>
      <SectionHeading
        icon={<IconHighlight size={17} aria-hidden />}
        title="Highlights"
        count={highlights.length}
      />
      {highlights.length === 0 ? (
        <Text size="sm" c="dimmed">
          Select a passage and press H to highlight it.
        </Text>
      ) : (
        <Stack gap="sm">
          {highlights.map((highlight) => (
            <HighlightCard
              key={highlight.id}
              highlight={highlight}
              onColor={(color) => void actions.setHighlightColor(article.id, highlight, color)}
              onNote={(note, previous, mergeKey) =>
                actions.setHighlightNote(article.id, highlight, note, previous, mergeKey)
              }
              onRemove={() => void actions.removeHighlight(article.id, highlight)}
            />
          ))}
        </Stack>
      )}
    </section>
  )
}
