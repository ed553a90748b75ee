// The codebook at a glance above the inspector: each code with its colour and the key that applies it.
import { Anchor, ColorSwatch, Group, Kbd, Text, Tooltip } from '@mantine/core'
import type { Code } from '../../shared/model'

export function CodeLegend({ codes, onEdit }: { codes: Code[]; onEdit: () => void }) {
  return (
    <Group
      gap={6}
      px="md"
      pt="sm"
      pb={6}
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        Codes
      </Text>
      {codes.slice(0, 9).map((code, index) => (
        <Tooltip
          key={code.id}
          label={code.description || code.name}
          withArrow
          openDelay={300}
          multiline
          maw={260}
        >
          <Group gap={4} wrap="nowrap" aria-label={`${code.name}, key ${index + 1}`}>
            <Kbd size="xs">{index + 1}</Kbd>
            <ColorSwatch color={code.color} size={10} withShadow={false} />
            <Text size="xs">{code.name}</Text>
          </Group>
        </Tooltip>
      ))}
      <Anchor component="button" type="button" size="xs" onClick={onEdit} ml="auto">
        Edit codebook
      </Anchor>
    </Group>
  )
}
