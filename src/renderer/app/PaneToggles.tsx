// Buttons that fold the library and the inspector away (Ctrl/Cmd+B, Ctrl/Cmd+I), so the text stays at a
// readable measure on a small screen.
import { ActionIcon, Group, Tooltip } from '@mantine/core'
import { IconLayoutSidebar, IconLayoutSidebarRight } from '@tabler/icons-react'
import { modLabel } from './keyboard'

interface PaneTogglesProps {
  library: boolean
  inspector: boolean
  onLibrary: () => void
  onInspector: () => void
}

export function PaneToggles({ library, inspector, onLibrary, onInspector }: PaneTogglesProps) {
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={`${library ? 'Hide' : 'Show'} the library (${modLabel}+B)`} withArrow>
        <ActionIcon
          variant={library ? 'light' : 'default'}
          size="lg"
          aria-label="Library pane"
          aria-pressed={library}
          onClick={onLibrary}
        >
          <IconLayoutSidebar size={18} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={`${inspector ? 'Hide' : 'Show'} the inspector (${modLabel}+I)`} withArrow>
        <ActionIcon
          variant={inspector ? 'light' : 'default'}
          size="lg"
          aria-label="Inspector pane"
          aria-pressed={inspector}
          onClick={onInspector}
        >
          <IconLayoutSidebarRight size={18} />
        </ActionIcon>
      </Tooltip>
    </Group>
  )
}
