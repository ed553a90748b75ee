// Choosing the entities to merge into the one open: a search over the entity index, each found entity
// with its type and counts to tick, the chosen ones kept while the search changes. Mounted only while
// open, so each opening starts with nothing chosen.
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Pill,
  ScrollArea,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { EntityRow } from '../../shared/entities'
import type { Entity } from '../../shared/model'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'
import { plural } from '../import/summarize-imports'
import { entityCssColor } from '../reader/annotation-colors'
import classes from './Entities.module.css'

interface MergeEntitiesModalProps {
  into: Entity
  onClose: () => void
  onMerge: (others: Entity[]) => void
}

const SHOWN = 100

export function MergeEntitiesModal({ into, onClose, onMerge }: MergeEntitiesModalProps) {
  const [text, setText] = useState('')
  const [rows, setRows] = useState<EntityRow[] | undefined>(undefined)
  const [more, setMore] = useState(false)
  const [chosen, setChosen] = useState<Entity[]>([])

  useEffect(() => {
    let live = true
    dossier.entities
      .index({ text: text.trim() || undefined, sort: text.trim() ? 'mentions' : 'name', limit: SHOWN + 1 })
      .then(
        (index) => {
          if (!live) return
          const others = index.rows.filter((r) => r.entity.id !== into.id)
          setRows(others.slice(0, SHOWN))
          setMore(others.length > SHOWN)
        },
        (error: unknown) => notifyError(error, 'Could not search the entities'),
      )
    return () => {
      live = false
    }
  }, [text, into.id])

  const isChosen = (id: string) => chosen.some((e) => e.id === id)
  const toggle = (entity: Entity) =>
    setChosen((list) => (isChosen(entity.id) ? list.filter((e) => e.id !== entity.id) : [...list, entity]))

  return (
    <Modal
      opened
      onClose={onClose}
      title={`Merge into ${into.name}`}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          The entities you choose become aliases of {into.name}: their names, aliases and every mention count
          as {into.name}&rsquo;s. Undo brings them back as they were.
        </Text>
        <TextInput
          data-autofocus
          placeholder="Find an entity to merge"
          aria-label="Find an entity to merge"
          leftSection={<IconSearch size={15} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        {chosen.length > 0 && (
          <Group gap={4} aria-label="Chosen to merge">
            {chosen.map((e) => (
              <Pill key={e.id} withRemoveButton onRemove={() => toggle(e)}>
                {e.name}
              </Pill>
            ))}
          </Group>
        )}
        <ScrollArea.Autosize mah={340} type="auto">
          <Stack gap={2} role="list" aria-label="Entities to merge">
            {rows?.length === 0 && (
              <Text size="sm" c="dimmed" p="xs">
                {text.trim() ? 'No other entity matches.' : 'There is no other entity to merge.'}
              </Text>
            )}
            {rows?.map((row) => (
              <div key={row.entity.id} role="listitem">
                <Checkbox.Card
                  className={classes.pick}
                  checked={isChosen(row.entity.id)}
                  onChange={() => toggle(row.entity)}
                  withBorder={false}
                  aria-label={row.entity.name}
                >
                  <Group gap={8} wrap="nowrap">
                    <Checkbox.Indicator size="xs" />
                    <span
                      className={classes.swatch}
                      style={{ background: row.customType?.color ?? entityCssColor(row.entity.type) }}
                    />
                    <Text size="sm" fw={600} truncate="end" flex={1} title={row.entity.name}>
                      {row.entity.name}
                    </Text>
                    <Badge size="xs" variant="light" color="gray" radius="sm" tt="none">
                      {row.customType?.name ?? row.entity.type}
                    </Badge>
                    <Text size="xs" c="dimmed" w={110} ta="end">
                      {plural(row.mentions, 'mention')}
                    </Text>
                  </Group>
                </Checkbox.Card>
              </div>
            ))}
          </Stack>
          {more && (
            <Text size="xs" c="dimmed" p="xs">
              The first {SHOWN} are shown: type to narrow them down.
            </Text>
          )}
        </ScrollArea.Autosize>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={chosen.length === 0} onClick={() => onMerge(chosen)}>
            {chosen.length === 0
              ? 'Merge'
              : `Merge ${plural(chosen.length, 'entity', 'entities')} into ${into.name}`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
