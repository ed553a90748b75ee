// Choosing an entity's type: one of the seven built-in types or one of the analyst's own, which can be
// made here (a name and a colour) and renamed or recoloured in place. Mounted only while open, so each
// opening starts from the entity's type as it is now.
import {
  ActionIcon,
  Button,
  ColorInput,
  Group,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { IconPencil } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { ENTITY_TYPES, type Entity, type EntityType, type EntityTypeDef } from '../../shared/model'
import { dossier } from '../api/client'
import { refreshEntityTypes } from './useEntityTypes'
import { notifyError } from '../app/notify'
import { entityCssColor } from '../reader/annotation-colors'
import classes from './Entities.module.css'

/** Colours offered for a new type; any other can be typed or picked. */
export const TYPE_SWATCHES = [
  '#c92a2a',
  '#a61e4d',
  '#862e9c',
  '#5f3dc4',
  '#364fc7',
  '#1864ab',
  '#0b7285',
  '#087f5b',
  '#2b8a3e',
  '#5c940d',
  '#e67700',
  '#d9480f',
]

interface EntityTypeModalProps {
  opened: boolean
  entity: Entity
  onClose: () => void
  /** `label` names the type chosen, for the notice. */
  onChoose: (fields: { type: EntityType; customType: string }, label: string) => void
  onEditType: (type: EntityTypeDef, change: { name?: string; color?: string }) => Promise<boolean>
}

const valueOf = (entity: Pick<Entity, 'type' | 'customType'>) =>
  entity.customType ? `custom:${entity.customType}` : `builtin:${entity.type}`

export function EntityTypeModal({ opened, entity, onClose, onChoose, onEditType }: EntityTypeModalProps) {
  const [types, setTypes] = useState<EntityTypeDef[]>([])
  const [value, setValue] = useState(valueOf(entity))
  const [name, setName] = useState('')
  const [color, setColor] = useState(TYPE_SWATCHES[4]!)
  const [editing, setEditing] = useState<{ id: string; name: string; color: string } | null>(null)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    if (!opened) return
    let live = true
    dossier.entityTypes.list().then(
      (list) => live && setTypes(list),
      (error: unknown) => notifyError(error, 'Could not list the entity types'),
    )
    return () => {
      live = false
    }
  }, [opened, version])

  const validColor = /^#[0-9a-f]{6}$/i.test(color)

  async function createType() {
    try {
      const made = await dossier.entityTypes.create({ name: name.trim(), color })
      setTypes((list) => [...list, made])
      void refreshEntityTypes()
      setValue(`custom:${made.id}`)
      setName('')
    } catch (error) {
      notifyError(error, `Could not make the type “${name.trim()}”`)
    }
  }

  async function saveEdit() {
    if (!editing) return
    const type = types.find((t) => t.id === editing.id)
    if (!type) return
    const change = {
      ...(editing.name.trim() !== type.name ? { name: editing.name.trim() } : {}),
      ...(editing.color.toLowerCase() !== type.color ? { color: editing.color } : {}),
    }
    if (Object.keys(change).length > 0 && !(await onEditType(type, change))) return
    setEditing(null)
    setVersion((v) => v + 1)
  }

  function choose() {
    const [kind, id] = value.split(':') as ['builtin' | 'custom', string]
    if (kind === 'builtin') return onChoose({ type: id as EntityType, customType: '' }, id)
    onChoose({ type: 'Other', customType: id }, types.find((t) => t.id === id)?.name ?? 'Other')
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`Type of ${entity.name}`}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="md">
        <Radio.Group value={value} onChange={setValue} aria-label="Type">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" verticalSpacing="xs">
            {ENTITY_TYPES.map((type) => (
              <Radio
                key={type}
                value={`builtin:${type}`}
                label={
                  <Group gap={6} wrap="nowrap">
                    <span className={classes.swatch} style={{ background: entityCssColor(type) }} />
                    {type}
                  </Group>
                }
              />
            ))}
          </SimpleGrid>
          <Title order={6} mt="md" mb={6}>
            Your types
          </Title>
          {types.length === 0 && (
            <Text size="sm" c="dimmed">
              No types of your own yet. Make one below, for example “Vessel” or “Military unit”.
            </Text>
          )}
          <Stack gap={6}>
            {types.map((type) =>
              editing?.id === type.id ? (
                <Group key={type.id} gap={6} wrap="nowrap" align="flex-end">
                  <TextInput
                    size="xs"
                    flex={1}
                    label="Name"
                    value={editing.name}
                    maxLength={60}
                    onChange={(e) => setEditing({ ...editing, name: e.currentTarget.value })}
                  />
                  <ColorInput
                    size="xs"
                    w={140}
                    label="Colour"
                    format="hex"
                    swatches={TYPE_SWATCHES}
                    value={editing.color}
                    onChange={(c) => setEditing({ ...editing, color: c })}
                  />
                  <Button
                    size="xs"
                    variant="light"
                    disabled={!editing.name.trim() || !/^#[0-9a-f]{6}$/i.test(editing.color)}
                    onClick={() => void saveEdit()}
                  >
                    Save
                  </Button>
                  <Button size="xs" variant="subtle" color="gray" onClick={() => setEditing(null)}>
                    Cancel
                  </Button>
                </Group>
              ) : (
                <Group key={type.id} gap={6} wrap="nowrap">
                  <Radio
                    flex={1}
                    value={`custom:${type.id}`}
                    label={
                      <Group gap={6} wrap="nowrap">
                        <span className={classes.swatch} style={{ background: type.color }} />
                        <Text size="sm" truncate="end">
                          {type.name}
                        </Text>
                      </Group>
                    }
                  />
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="gray"
                    aria-label={`Rename or recolour the type ${type.name}`}
                    onClick={() => setEditing({ id: type.id, name: type.name, color: type.color })}
                  >
                    <IconPencil size={14} />
                  </ActionIcon>
                </Group>
              ),
            )}
          </Stack>
        </Radio.Group>

        <div>
          <Title order={6} mb={6}>
            New type
          </Title>
          <Group gap={6} wrap="nowrap" align="flex-end">
            <TextInput
              size="xs"
              flex={1}
              label="Name of the new type"
              placeholder="Vessel"
              value={name}
              maxLength={60}
              onChange={(e) => setName(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && name.trim() && validColor) void createType()
              }}
            />
            <ColorInput
              size="xs"
              w={140}
              label="Colour"
              format="hex"
              swatches={TYPE_SWATCHES}
              value={color}
              onChange={setColor}
            />
            <Button
              size="xs"
              variant="light"
              disabled={!name.trim() || !validColor}
              onClick={() => void createType()}
            >
              Add type
            </Button>
          </Group>
        </div>

        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={value === valueOf(entity)} onClick={choose}>
            Change type
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
