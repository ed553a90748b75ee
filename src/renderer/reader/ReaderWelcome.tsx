// What the reader shows while no article is open.
import { EmptyState, Kbd, Text } from '@mantine/core'
import { IconBook2 } from '@tabler/icons-react'

export function ReaderWelcome({ hasArticles }: { hasArticles: boolean }) {
  return (
    <EmptyState
      mt={120}
      size="md"
      icon={<IconBook2 size={40} stroke={1.3} />}
      title={hasArticles ? 'No article open' : 'Welcome to Dossier'}
      description={
        <Text c="dimmed" size="sm" maw={420} component="span">
          {hasArticles
            ? 'Choose an article in the Library to read it here. Select a passage and press '
            : 'Drop article files or folders anywhere on this window, or paste an article, to import them. Then select a passage and press '}
          <Kbd size="xs">H</Kbd> to highlight it, or <Kbd size="xs">T</Kbd> to tag a name. Everything stays on
          this computer.
        </Text>
      }
    />
  )
}
