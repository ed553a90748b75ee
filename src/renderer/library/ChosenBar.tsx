// What can be done with the articles chosen in the Library: put them in a case (or a new one), tag them,
// move them to the trash.
import { Button, Group, Menu, Popover, Text, TextInput } from '@mantine/core'
import { IconFolderPlus, IconTag, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import type { Case } from '../../shared/library'

interface ChosenBarProps {
  count: number
  cases: Case[]
  onAddToCase: (caseId: string) => void
  onNewCase: (name: string) => void
  onTag: (tag: string) => void
  onUntag: (tag: string) => void
  onRemove: () => void
  onClear: () => void
}

export function ChosenBar({
  count,
  cases,
  onAddToCase,
  onNewCase,
  onTag,
  onUntag,
  onRemove,
  onClear,
}: ChosenBarProps) {
  const [naming, setNaming] = useState<'case' | 'tag' | null>(null)
  const [name, setName] = useState('')

  function submit(untag = false) {
    const value = name.trim()
    if (!value) return
    if (naming === 'case') onNewCase(value)
    else if (untag) onUntag(value)
    else onTag(value)
    setNaming(null)
    setName('')
  }

  return (
    <Group gap={4} wrap="wrap" data-testid="library-chosen" mb={6}>
      <Text size="xs" fw={600} mr={4}>
        {count} chosen
      </Text>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button size="compact-xs" variant="light" leftSection={<IconFolderPlus size={13} />}>
            Case
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {cases.map((c) => (
            <Menu.Item key={c.id} onClick={() => onAddToCase(c.id)}>
              {c.name}
            </Menu.Item>
          ))}
          {cases.length > 0 && <Menu.Divider />}
          <Menu.Item onClick={() => setNaming('case')}>New case…</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Popover
        opened={naming !== null}
        onChange={(open) => !open && setNaming(null)}
        position="bottom-start"
        trapFocus
        withinPortal
      >
        <Popover.Target>
          <Button
            size="compact-xs"
            variant="light"
            leftSection={<IconTag size={13} />}
            onClick={() => setNaming(naming ? null : 'tag')}
          >
            Tag
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <form
            onSubmit={(event) => {
              event.preventDefault()
              submit()
            }}
          >
            <TextInput
              size="xs"
              data-autofocus
              label={naming === 'case' ? 'Name of the new case' : 'Tag'}
              placeholder={naming === 'case' ? 'e.g. Arms transfers 2023' : 'e.g. sanctions'}
              value={name}
              maxLength={naming === 'case' ? 200 : 100}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <Group justify="flex-end" mt={6} gap={6}>
              {naming === 'tag' && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="gray"
                  disabled={!name.trim()}
                  onClick={() => submit(true)}
                >
                  Remove tag
                </Button>
              )}
              <Button size="compact-xs" type="submit" disabled={!name.trim()}>
                {naming === 'case' ? 'Create and add' : 'Tag'}
              </Button>
            </Group>
          </form>
        </Popover.Dropdown>
      </Popover>
      <Button
        size="compact-xs"
        variant="light"
        color="red"
        leftSection={<IconTrash size={13} />}
        onClick={onRemove}
      >
        Trash
      </Button>
      <Button size="compact-xs" variant="subtle" color="gray" onClick={onClear}>
        Clear
      </Button>
    </Group>
  )
}
