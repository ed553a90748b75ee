// The aside: what the analyst has marked in the open article.
import { AppShell, Divider, ScrollArea, Stack, Text } from '@mantine/core'
import type { ArticleView } from '../../shared/api'
import type { AnnotationActions } from '../app/useAnnotationActions'
import { EntitiesSection } from './EntitiesSection'
import { HighlightsSection } from './HighlightsSection'

interface InspectorPaneProps {
  view: ArticleView | undefined
  actions: AnnotationActions
}

export function InspectorPane({ view, actions }: InspectorPaneProps) {
  return (
    <AppShell.Section grow component={ScrollArea} type="scroll">
      {view ? (
        <Stack gap="lg" p="md">
          <HighlightsSection article={view.article} actions={actions} />
          <Divider />
          <EntitiesSection view={view} actions={actions} />
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" p="md">
          Open an article to see its highlights and the people, organisations and places tagged in it.
        </Text>
      )}
    </AppShell.Section>
  )
}
