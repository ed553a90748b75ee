// An entity's aliases on its page: each one can be taken off or split off into an entity of its own,
// and a new one added (Enter adds it, Escape gives up).
import { ActionIcon, Button, CloseButton, Group, Text, TextInput, Tooltip } from '@mantine/core'
import { IconArrowsSplit, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import classes from './Entities.module.css'

interface AliasesEditorProps {
  aliases: readonly string[]
  onAdd: (alias: string) => Promise<boolean>
  onRemove: (alias: string) => void
  onSplit: (alias: string) => void
  /** The field to add one is open (the page's menu opens it too). */
  adding: boolean
  onAdding: (open: boolean) => void
}

export function AliasesEditor(props: AliasesEditorProps) {
  const { aliases, onAdd, onRemove, onSplit, adding, onAdding } = props
  const [text, setText] = useState('')

  function close() {
    setText('')
    onAdding(false)
  }

  async function add() {
    const alias = text.trim()
    if (!alias) return close()
    if (await onAdd(alias)) close()
  }

  return (
    <Group gap={6} mt={6} align="center" role="group" aria-label="Aliases">
      <Text size="sm" c="dimmed">
        {aliases.length > 0 ? 'Also written ' : 'No aliases. '}
      </Text>
      {aliases.map((alias) => (
        <span key={alias} className={classes.alias} data-testid="alias">
          <Text span size="sm">
            “{alias}”
          </Text>
          <Tooltip label="Split off into an entity of its own" openDelay={400}>
            <ActionIcon
              size="xs"
              variant="subtle"
              color="gray"
              aria-label={`Split “${alias}” off`}
              onClick={() => onSplit(alias)}
            >
              <IconArrowsSplit size={12} />
            </ActionIcon>
          </Tooltip>
          <CloseButton size="xs" aria-label={`Remove the alias “${alias}”`} onClick={() => onRemove(alias)} />
        </span>
      ))}
      {!adding ? (
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          leftSection={<IconPlus size={12} />}
          onClick={() => onAdding(true)}
        >
          Add alias
        </Button>
      ) : (
        <TextInput
          size="xs"
          w={200}
          autoFocus
          aria-label="New alias"
          placeholder="Another way it is written"
          maxLength={300}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void add()
            else if (e.key === 'Escape') {
              e.stopPropagation()
              close()
            }
          }}
          onBlur={() => void add()}
        />
      )}
    </Group>
  )
}
