// The full-window overlay shown while files are dragged over Dossier.
import { Paper, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconFileImport } from '@tabler/icons-react'
import classes from './DropOverlay.module.css'

export function DropOverlay({ visible }: { visible: boolean }) {
  if (!visible) return null
  return (
    <div className={classes.overlay} aria-live="polite">
      <Paper className={classes.panel} radius="lg" p="xl">
        <Stack align="center" gap="sm">
          <ThemeIcon size={64} radius="xl" variant="light">
            <IconFileImport size={34} stroke={1.5} />
          </ThemeIcon>
          <Text size="xl" fw={650}>
            Drop articles to import
          </Text>
          <Text size="sm" c="dimmed">
            Text, Markdown, HTML, MHTML, PDF and Word files, or folders of them
          </Text>
        </Stack>
      </Paper>
    </div>
  )
}
