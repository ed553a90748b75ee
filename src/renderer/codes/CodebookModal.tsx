// The codebook: every code with its colour, name, description and key, to add, rename, recolour,
// reorder, merge and delete. A delete moves the code's highlights to another code; both undo.
import {
  ActionIcon,
  Button,
  Checkbox,
  ColorInput,
  Group,
  Kbd,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import type { Code } from '../../shared/model'
import type { Codebook } from './useCodebook'

/** Colours offered for codes: distinct on paper and on a dark background. */
export const CODE_SWATCHES = [
  '#f59f00',
  '#37b24d',
  '#f03e3e',
  '#1c7ed6',
  '#ae3ec9',
  '#0ca678',
  '#e8590c',
  '#d6336c',
  '#4263eb',
  '#74b816',
  '#868e96',
]

interface CodebookModalProps {
  opened: boolean
  onClose: () => void
  codebook: Codebook
}

function CodeRow({
  code,
  index,
  codebook,
  selected,
  onSelect,
}: {
  code: Code
  index: number
  codebook: Codebook
  selected: boolean
  onSelect: (selected: boolean) => void
}) {
  const [name, setName] = useState(code.name)
  const [description, setDescription] = useState(code.description)
  const [deleting, setDeleting] = useState(false)
  const [into, setInto] = useState<string | null>(null)
  const others = codebook.codes.filter((c) => c.id !== code.id)
  const count = codebook.codes.length

  const saveName = () => {
    const next = name.replace(/\s+/g, ' ').trim()
    if (!next) return setName(code.name)
    if (next !== code.name) void codebook.update(code, { name: next }).then((ok) => ok || setName(code.name))
  }

  return (
    <Stack gap={6} p="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Group gap="xs" wrap="nowrap" align="center">
        <Checkbox
          aria-label={`Select ${code.name}`}
          checked={selected}
          onChange={(e) => onSelect(e.currentTarget.checked)}
        />
        <ColorInput
          aria-label={`Colour of ${code.name}`}
          w={118}
          size="xs"
          format="hex"
          swatches={CODE_SWATCHES}
          swatchesPerRow={6}
          withEyeDropper={false}
          value={code.color}
          onChangeEnd={(color) =>
            /^#[0-9a-f]{6}$/i.test(color) && color !== code.color && void codebook.update(code, { color })
          }
        />
        <TextInput
          aria-label="Name"
          size="xs"
          style={{ flex: 1 }}
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={saveName}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
        {index < 9 ? (
          <Kbd size="xs" title={`Key ${index + 1} applies this code`}>
            {index + 1}
          </Kbd>
        ) : (
          <span style={{ width: 22 }} />
        )}
        <Tooltip label="Move up" withArrow openDelay={400}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={`Move ${code.name} up`}
            disabled={index === 0}
            onClick={() => void codebook.move(code, index - 1)}
          >
            <IconArrowUp size={15} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Move down" withArrow openDelay={400}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={`Move ${code.name} down`}
            disabled={index === count - 1}
            onClick={() => void codebook.move(code, index + 1)}
          >
            <IconArrowDown size={15} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={count === 1 ? 'The last code cannot be deleted' : 'Delete'} withArrow openDelay={400}>
          <ActionIcon
            variant="subtle"
            color="red"
            size="sm"
            aria-label={`Delete ${code.name}`}
            disabled={count === 1}
            onClick={() => setDeleting((d) => !d)}
          >
            <IconTrash size={15} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <TextInput
        aria-label={`Description of ${code.name}`}
        size="xs"
        variant="filled"
        placeholder="What this code means, for whoever reads the brief"
        ml={34}
        value={description}
        maxLength={2000}
        onChange={(e) => setDescription(e.currentTarget.value)}
        onBlur={() => description !== code.description && void codebook.update(code, { description })}
      />
      {deleting && (
        <Group ml={34} gap="xs" wrap="nowrap">
          <Text size="xs">Move its highlights to</Text>
          <Select
            aria-label="Code that takes its highlights"
            size="xs"
            w={180}
            data={others.map((c) => ({ value: c.id, label: c.name }))}
            value={into ?? others[0]?.id ?? null}
            onChange={setInto}
            allowDeselect={false}
          />
          <Button
            size="compact-xs"
            color="red"
            onClick={() => {
              const target = others.find((c) => c.id === (into ?? others[0]?.id))
              if (target)
                void codebook.merge(
                  [code],
                  target,
                  `Code ${code.name} deleted; its highlights are ${target.name} now`,
                )
            }}
          >
            Delete {code.name}
          </Button>
        </Group>
      )}
    </Stack>
  )
}

export function CodebookModal({ opened, onClose, codebook }: CodebookModalProps) {
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [into, setInto] = useState<string | null>(null)
  const [newName, setNewName] = useState('')
  const chosen = codebook.codes.filter((c) => selected.has(c.id))

  async function add() {
    const name = newName.replace(/\s+/g, ' ').trim()
    if (!name) return
    const used = new Set(codebook.codes.map((c) => c.color))
    const color =
      CODE_SWATCHES.find((c) => !used.has(c)) ?? CODE_SWATCHES[codebook.codes.length % CODE_SWATCHES.length]!
    if (await codebook.create({ name, color })) setNewName('')
  }

  async function merge() {
    const target = codebook.codes.find((c) => c.id === into)
    if (!target) return
    const merged = chosen.filter((c) => c.id !== target.id)
    if (merged.length === 0) return
    const names = merged.map((c) => c.name).join(', ')
    if (await codebook.merge(merged, target, `${names} merged into ${target.name}`)) {
      setSelected(new Set())
      setInto(null)
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Codebook"
      size={640}
      styles={{ title: { fontWeight: 600 } }}
    >
      <Text size="sm" c="dimmed" mb="sm">
        A highlight carries one code. Keys 1–9 apply the first nine to the selection or to the focused
        highlight; H applies the last one used.
      </Text>
      <Stack gap={0}>
        {codebook.codes.map((code, index) => (
          <CodeRow
            key={`${code.id}:${code.name}:${code.description}`}
            code={code}
            index={index}
            codebook={codebook}
            selected={selected.has(code.id)}
            onSelect={(on) =>
              setSelected((current) => {
                const next = new Set(current)
                if (on) next.add(code.id)
                else next.delete(code.id)
                return next
              })
            }
          />
        ))}
      </Stack>
      {chosen.length >= 2 && (
        <Group mt="sm" gap="xs">
          <Text size="sm">Merge {chosen.length} codes into</Text>
          <Select
            aria-label="Merge into"
            size="xs"
            w={180}
            data={chosen.map((c) => ({ value: c.id, label: c.name }))}
            value={into}
            onChange={setInto}
            placeholder="Choose the code to keep"
          />
          <Button size="compact-sm" disabled={!into} onClick={() => void merge()}>
            Merge
          </Button>
        </Group>
      )}
      <Group
        mt="md"
        gap="xs"
        component="form"
        onSubmit={(e) => {
          e.preventDefault()
          void add()
        }}
      >
        <TextInput
          aria-label="New code"
          placeholder="New code, e.g. Motive"
          size="xs"
          style={{ flex: 1 }}
          value={newName}
          maxLength={80}
          onChange={(e) => setNewName(e.currentTarget.value)}
        />
        <Button
          type="submit"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          disabled={!newName.trim()}
        >
          Add code
        </Button>
      </Group>
    </Modal>
  )
}
