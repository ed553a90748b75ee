// The command palette (Ctrl/Cmd+K): every action of the app by name, with its shortcut. Reader actions
// are run as their own keys, so the palette and the keyboard can never disagree; the reader's selection
// is kept while the palette has the focus.
import { ColorSwatch, Group, Kbd, Text } from '@mantine/core'
import { Spotlight, spotlight, type SpotlightActionData } from '@mantine/spotlight'
import { IconSearch } from '@tabler/icons-react'
import { useEffect, useEffectEvent } from 'react'
import { appCommands, type AppCommandHandlers, type AppCommandState } from './app-commands'
import { hasMod, modLabel } from './keyboard'

function keyLabel(keys: string[]) {
  return (
    <Group gap={3} wrap="nowrap">
      {keys.map((key) => (
        <Kbd key={key} size="xs">
          {key === 'Mod' ? modLabel : key}
        </Kbd>
      ))}
    </Group>
  )
}

/** The reader's selection when the palette opened (the palette's search field takes the focus). */
let savedRange: Range | null = null

function restoreSelection(): void {
  const range = savedRange
  savedRange = null
  if (!range || !range.startContainer.isConnected || range.collapsed) return
  const selection = document.getSelection()
  selection?.removeAllRanges()
  selection?.addRange(range)
}

export function CommandPalette({ state, on }: { state: AppCommandState; on: AppCommandHandlers }) {
  const commands = appCommands(state, on)
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!hasMod(event) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'k') return
    event.preventDefault()
    const selection = document.getSelection()
    savedRange = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null
    spotlight.open()
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  const groups = new Map<string, SpotlightActionData[]>()
  for (const command of commands) {
    if (command.disabled) continue
    const list = groups.get(command.group) ?? []
    list.push({
      id: command.id,
      label: command.label,
      leftSection: command.color ? (
        <ColorSwatch color={command.color} size={12} withShadow={false} />
      ) : undefined,
      rightSection: command.keys ? keyLabel(command.keys) : undefined,
      onClick: () => {
        // After the palette has closed and handed the focus back: the selection returns, then the action.
        window.setTimeout(() => {
          restoreSelection()
          command.run()
        }, 0)
      },
    })
    groups.set(command.group, list)
  }

  return (
    <Spotlight
      actions={[...groups].map(([group, actions]) => ({ group, actions }))}
      shortcut={null}
      limit={80}
      nothingFound={<Text size="sm">No action by that name.</Text>}
      highlightQuery
      scrollable
      maxHeight={460}
      searchProps={{
        leftSection: <IconSearch size={18} />,
        placeholder: 'Type an action…',
        'aria-label': 'Action',
      }}
    />
  )
}
