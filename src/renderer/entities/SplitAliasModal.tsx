// Splitting an alias off into an entity of its own: the mentions written that way go with it. The
// new entity takes the type chosen here, or the entity's own.
import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { ENTITY_TYPES, type Entity, type EntityType } from '../../shared/model'

interface SplitAliasModalProps {
  entity: Entity
  /** The type shown for the entity: its own type's name, or the built-in one. */
  typeLabel: string
  alias: string
  onClose: () => void
  onSplit: (type: EntityType | undefined) => void
}

export function SplitAliasModal({ entity, typeLabel, alias, onClose, onSplit }: SplitAliasModalProps) {
  const [type, setType] = useState<EntityType | ''>('')
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Split “${alias}” off ${entity.name}`}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="sm">
        <Text size="sm">
          “{alias}” becomes an entity of its own, and the mentions written “{alias}” become its mentions. Use
          this when one alias names someone or something else.
        </Text>
        <NativeSelect
          label="Type of the new entity"
          value={type}
          onChange={(e) => setType(e.currentTarget.value as EntityType | '')}
          data={[
            { value: '', label: `The same as ${entity.name} (${typeLabel})` },
            ...ENTITY_TYPES.map((t) => ({ value: t, label: t })),
          ]}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button data-autofocus onClick={() => onSplit(type || undefined)}>
            Split off
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
