// Buttons that fold the library and the inspector away (Ctrl/Cmd+B, Ctrl/Cmd+I), so the text stays at a
// readable measure on a small screen.
import { ActionIcon, Group, Tooltip } from '@mantine/core'
import { IconLayoutSidebar, IconLayoutSidebarRight } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { modLabel } from './keyboard'

interface PaneTogglesProps {
  library: boolean
  inspector: boolean
  onLibrary: () => void
  onInspector: () => void
}

function PaneToggle(props: {
  name: string
  pane: string
  keyName: string
  shown: boolean
  icon: ReactNode
  onToggle: () => void
}) {
  const { name, pane, keyName, shown, icon, onToggle } = props
  return (
    <Tooltip label={`${shown ? 'Hide' : 'Show'} the ${pane} (${modLabel}+${keyName})`} withArrow>
      <ActionIcon
        variant={shown ? 'light' : 'default'}
        size="lg"
        aria-label={name}
        aria-pressed={shown}
        onClick={onToggle}
      >
        {icon}
      </ActionIcon>
    </Tooltip>
  )
}

export function PaneToggles({ library, inspector, onLibrary, onInspector }: PaneTogglesProps) {
  return (
    <Group gap={4} wrap="nowrap">
      <PaneToggle
        name="Library pane"
        pane="library"
        keyName="B"
        shown={library}
        icon={<IconLayoutSidebar size={18} />}
        onToggle={onLibrary}
      />
      <PaneToggle
        name="Inspector pane"
        pane="inspector"
        keyName="I"
        shown={inspector}
        icon={<IconLayoutSidebarRight size={18} />}
        onToggle={onInspector}
      />
    </Group>
  )
}
