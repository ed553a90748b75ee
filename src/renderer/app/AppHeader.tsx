// The header: the brand, "Import files…", the Export menu, help and the colour scheme.
import { ActionIcon, Button, Group, Text, ThemeIcon, Tooltip } from '@mantine/core'
import { IconFileImport, IconKeyboard, IconNotebook } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { ExportMenu } from '../brief/ExportMenu'
import type { ExportFormat } from '../brief/useExport'
import { ColorSchemeToggle } from './ColorSchemeToggle'
import { modLabel } from './keyboard'

interface AppHeaderProps {
  canExport: boolean
  /** A read-only workspace takes no imports. */
  canImport: boolean
  exporting: ExportFormat | null
  onImport: () => void
  onExport: (format: ExportFormat) => void
  onHelp: () => void
  /** Beside the brand: the switch between the app's main views. */
  navigation?: ReactNode
  /** Before the help button: the pane toggles. */
  panes?: ReactNode
}

export function AppHeader(props: AppHeaderProps) {
  const { canExport, canImport, exporting, onImport, onExport, onHelp, navigation, panes } = props
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="lg" wrap="nowrap">
        <Group gap={10} wrap="nowrap">
          <ThemeIcon size={30} radius="md" variant="filled" aria-hidden>
            <IconNotebook size={19} />
          </ThemeIcon>
          <Text fw={750} size="lg" style={{ letterSpacing: '-0.01em' }}>
            Dossier
          </Text>
        </Group>
        {navigation}
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Tooltip
          label={canImport ? `Import article files (${modLabel}+O)` : 'This workspace is read-only'}
          withArrow
        >
          <Button leftSection={<IconFileImport size={17} />} onClick={onImport} disabled={!canImport}>
            Import files…
          </Button>
        </Tooltip>
        <ExportMenu enabled={canExport} pending={exporting} onExport={onExport} />
        {panes}
        <Tooltip label="Keyboard shortcuts (?)" withArrow>
          <ActionIcon variant="default" size="lg" aria-label="Keyboard shortcuts" onClick={onHelp}>
            <IconKeyboard size={18} />
          </ActionIcon>
        </Tooltip>
        <ColorSchemeToggle />
      </Group>
    </Group>
  )
}
