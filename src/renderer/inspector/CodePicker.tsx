// The code of one highlight: a compact select of the codebook's codes, each with its colour and key.
import { ColorSwatch, Group, Select, Text } from '@mantine/core'
import type { Code } from '../../shared/model'

interface CodePickerProps {
  codes: Code[]
  value: string
  onChange: (codeId: string) => void
}

export function CodePicker({ codes, value, onChange }: CodePickerProps) {
  const byId = new Map(codes.map((c) => [c.id, c]))
  const current = byId.get(value)
  const data = codes.map((code) => ({ value: code.id, label: code.name }))
  if (!current) data.unshift({ value, label: 'Unknown code' })
  return (
    <Select
      aria-label="Code"
      size="xs"
      variant="unstyled"
      w={170}
      data={data}
      value={value}
      allowDeselect={false}
      checkIconPosition="right"
      comboboxProps={{ withinPortal: true, width: 220 }}
      leftSection={<ColorSwatch color={current?.color ?? '#868e96'} size={10} withShadow={false} />}
      leftSectionWidth={22}
      renderOption={({ option }) => {
        const code = byId.get(option.value)
        const index = codes.findIndex((c) => c.id === option.value)
        return (
          <Group gap={8} wrap="nowrap" style={{ flex: 1 }}>
            <ColorSwatch color={code?.color ?? '#868e96'} size={10} withShadow={false} />
            <Text size="xs" style={{ flex: 1 }}>
              {option.label}
            </Text>
            {index >= 0 && index < 9 && (
              <Text size="xs" c="dimmed">
                {index + 1}
              </Text>
            )}
          </Group>
        )
      }}
      onChange={(next) => next && next !== value && onChange(next)}
      styles={{ input: { fontWeight: 600, fontSize: 'var(--mantine-font-size-xs)' } }}
    />
  )
}
