// The command palette (Ctrl/Cmd+K): every action of the app by name, with its shortcut. Reader actions
// are run as their own keys, so the palette and the keyboard can never disagree; the reader's selection
// is kept while the palette has the focus.
import { ColorSwatch, Group, Kbd, Text } from '@mantine/core'
import { Spotlight, spotlight, type SpotlightActionData } from '@mantine/spotlight'
import { IconSearch } from '@tabler/icons-react'
import { useEffect, useEffectEvent } from 'react'
import type { Code } from '../../shared/model'
import { hasMod, modLabel } from './keyboard'

export interface AppCommand {
  id: string
  label: string
  group: string
  keys?: string[]
  run: () => void
  disabled?: boolean
  color?: string
}

/** Runs a reader key as if it were pressed, after the palette has given the focus back. */
export function pressKey(code: string, key: string, shiftKey = false): () => void {
  return () => window.dispatchEvent(new KeyboardEvent('keydown', { code, key, shiftKey, bubbles: true }))
}

/** The reader's commands, as keys. */
export function readerCommands(codes: Code[]): AppCommand[] {
  const reader = 'Reader'
  return [
    {
      id: 'next-sentence',
      group: reader,
      label: 'Select the next sentence',
      keys: ['J'],
      run: pressKey('KeyJ', 'j'),
    },
    {
      id: 'previous-sentence',
      group: reader,
      label: 'Select the previous sentence',
      keys: ['K'],
      run: pressKey('KeyK', 'k'),
    },
    {
      id: 'extend-sentence',
      group: reader,
      label: 'Extend the selection by a sentence',
      keys: ['Shift', 'J'],
      run: pressKey('KeyJ', 'J', true),
    },
    {
      id: 'next-paragraph',
      group: reader,
      label: 'Select the next paragraph',
      keys: [']'],
      run: pressKey('BracketRight', ']'),
    },
    {
      id: 'previous-paragraph',
      group: reader,
      label: 'Select the previous paragraph',
      keys: ['['],
      run: pressKey('BracketLeft', '['),
    },
    {
      id: 'highlight',
      group: reader,
      label: 'Highlight the selection',
      keys: ['H'],
      run: pressKey('KeyH', 'h'),
    },
    ...codes.slice(0, 9).map((code, index) => ({
      id: `code-${code.id}`,
      group: reader,
      label: `Highlight as ${code.name} (or recode the focused highlight)`,
      keys: [String(index + 1)],
      color: code.color,
      run: pressKey(`Digit${index + 1}`, String(index + 1)),
    })),
    {
      id: 'tag',
      group: reader,
      label: 'Tag the selection as an entity',
      keys: ['T'],
      run: pressKey('KeyT', 't'),
    },
    {
      id: 'next-highlight',
      group: reader,
      label: 'Go to the next highlight',
      keys: ['N'],
      run: pressKey('KeyN', 'n'),
    },
    {
      id: 'previous-highlight',
      group: reader,
      label: 'Go to the previous highlight',
      keys: ['Shift', 'N'],
      run: pressKey('KeyN', 'N', true),
    },
    {
      id: 'remove-highlight',
      group: reader,
      label: 'Remove the focused highlight',
      keys: ['Delete'],
      run: pressKey('Delete', 'Delete'),
    },
  ]
}

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

export function CommandPalette({ commands }: { commands: AppCommand[] }) {
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
