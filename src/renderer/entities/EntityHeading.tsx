// The top of an entity's page: its colour, its name (renamed in place: Enter or leaving the field
// saves, Escape gives up), its type (which opens the choice of type), and the page's actions.
import { Badge, Group, TextInput, Title, UnstyledButton } from '@mantine/core'
import { useRef, useState, type ReactNode } from 'react'
import type { EntityRow } from '../../shared/entities'
import { entityCssColor } from '../reader/annotation-colors'
import classes from './Entities.module.css'

interface EntityHeadingProps {
  row: EntityRow
  renaming: boolean
  onRenaming: (on: boolean) => void
  /** Resolves to whether the name was saved; the field stays open otherwise. */
  onRename: (name: string) => Promise<boolean>
  onChooseType: () => void
  actions: ReactNode
}

export function EntityHeading(props: EntityHeadingProps) {
  const { row, renaming, onRenaming, onRename, onChooseType, actions } = props
  const { entity } = row
  const typeLabel = row.customType?.name ?? entity.type
  return (
    <Group gap="sm" align="center" wrap="nowrap">
      <span
        className={classes.swatch}
        style={{ background: row.customType?.color ?? entityCssColor(entity.type), width: 12, height: 12 }}
        aria-hidden
      />
      {renaming ? (
        <RenameField name={entity.name} onDone={() => onRenaming(false)} onRename={onRename} />
      ) : (
        <Title order={2} className={classes.entityName} title={entity.name}>
          {entity.name}
        </Title>
      )}
      <UnstyledButton onClick={onChooseType} aria-label={`Type: ${typeLabel}. Change the type`}>
        <Badge
          variant="light"
          color="gray"
          radius="sm"
          tt="none"
          className={classes.typeBadge}
          leftSection={
            row.customType && (
              <span
                className={classes.swatch}
                style={{ background: row.customType.color, width: 8, height: 8 }}
              />
            )
          }
        >
          {typeLabel}
        </Badge>
      </UnstyledButton>
      <Group gap={6} ml="auto" wrap="nowrap">
        {actions}
      </Group>
    </Group>
  )
}

function RenameField({
  name,
  onDone,
  onRename,
}: {
  name: string
  onDone: () => void
  onRename: (name: string) => Promise<boolean>
}) {
  const [value, setValue] = useState(name)
  const [saving, setSaving] = useState(false)
  // Enter saves, and the field losing focus as it closes must not save a second time.
  const busy = useRef(false)

  async function save() {
    if (busy.current) return
    const next = value.replace(/\s+/g, ' ').trim()
    if (!next || next === name) return onDone()
    busy.current = true
    setSaving(true)
    const saved = await onRename(next)
    busy.current = false
    setSaving(false)
    if (saved) onDone()
  }

  return (
    <TextInput
      autoFocus
      flex={1}
      size="md"
      aria-label="Name of the entity"
      maxLength={300}
      value={value}
      disabled={saving}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void save()
        else if (e.key === 'Escape') {
          e.stopPropagation()
          onDone()
        }
      }}
      onBlur={() => void save()}
    />
  )
}
