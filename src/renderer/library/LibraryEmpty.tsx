// What the Library shows before the first import: how to bring articles in (drop, paste, pick), and the
// two samples.
import { Button, EmptyState, Kbd, Text } from '@mantine/core'
import { IconFileImport, IconSparkles } from '@tabler/icons-react'
import { useState } from 'react'
import { modLabel } from '../app/keyboard'

interface LibraryEmptyProps {
  onOpenSamples: () => Promise<void>
}

export function LibraryEmpty({ onOpenSamples }: LibraryEmptyProps) {
  const [busy, setBusy] = useState(false)

  async function openSamples() {
    setBusy(true)
    try {
      await onOpenSamples()
    } finally {
      setBusy(false)
    }
  }

  return (
    <EmptyState
      size="sm"
      mt="xl"
      px="xs"
      variant="light"
      icon={<IconFileImport size={26} stroke={1.5} />}
      title="Your library is empty"
      description={
        <Text size="sm" c="dimmed" component="span">
          Drag article files (.txt, .md, .html, .mhtml, .pdf, .docx) or whole folders here, paste an article
          you copied (<Kbd size="xs">{modLabel}</Kbd>+<Kbd size="xs">V</Kbd>), or use Import files… (
          <Kbd size="xs">{modLabel}</Kbd>+<Kbd size="xs">O</Kbd>)
        </Text>
      }
    >
      <EmptyState.Actions>
        <Button
          variant="light"
          size="sm"
          leftSection={<IconSparkles size={16} />}
          loading={busy}
          onClick={() => void openSamples()}
        >
          Open the two sample articles
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}
