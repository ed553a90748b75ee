// The header's "Export" menu: the open article as an annotated brief in Markdown or PDF.
import { Button, Menu, Text } from '@mantine/core'
import { IconChevronDown, IconFileExport, IconFileTypePdf, IconMarkdown } from '@tabler/icons-react'
import { modLabel } from '../app/keyboard'
import type { ExportFormat } from './useExport'

function shortcutHint(keys: string) {
  return (
    <Text size="xs" c="dimmed" aria-hidden>
      {keys}
    </Text>
  )
}

interface ExportMenuProps {
  enabled: boolean
  pending: ExportFormat | null
  onExport: (format: ExportFormat) => void
}

export function ExportMenu({ enabled, pending, onExport }: ExportMenuProps) {
  return (
    <Menu position="bottom-end" shadow="md" width={280} disabled={!enabled}>
      <Menu.Target>
        <Button
          variant="default"
          disabled={!enabled}
          loading={pending !== null}
          leftSection={<IconFileExport size={17} />}
          rightSection={<IconChevronDown size={15} />}
        >
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Annotated brief of this article</Menu.Label>
        <Menu.Item
          aria-label="Export Markdown"
          leftSection={<IconMarkdown size={17} />}
          rightSection={shortcutHint(`${modLabel}+E`)}
          onClick={() => onExport('markdown')}
        >
          Export Markdown
        </Menu.Item>
        <Menu.Item
          aria-label="Export PDF"
          leftSection={<IconFileTypePdf size={17} />}
          rightSection={shortcutHint(`${modLabel}+Shift+E`)}
          onClick={() => onExport('pdf')}
        >
          Export PDF
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
