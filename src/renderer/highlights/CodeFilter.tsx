// The code multi-select: each code with its colour and how many highlights choosing it would add.
import { ColorSwatch, Group, MultiSelect, Pill, Text } from '@mantine/core'
import { IconTags } from '@tabler/icons-react'
import type { Code } from '../../shared/model'

interface CodeFilterProps {
  codes: Code[]
  counts: Map<string, number>
  value: string[]
  onChange: (codeIds: string[]) => void
}

export function CodeFilter({ codes, counts, value, onChange }: CodeFilterProps) {
  const colorOf = new Map(codes.map((code) => [code.id, code.color]))
  return (
    <MultiSelect
      aria-label="Codes"
      placeholder={value.length === 0 ? 'All codes' : undefined}
      leftSection={<IconTags size={16} />}
      data={codes.map((code) => ({ value: code.id, label: code.name }))}
      value={value}
      onChange={onChange}
      clearable
      searchable
      nothingFoundMessage="No such code"
      w={300}
      maxDropdownHeight={320}
      comboboxProps={{ shadow: 'md' }}
      renderOption={({ option }) => (
        <Group gap="xs" wrap="nowrap" w="100%">
          <ColorSwatch color={colorOf.get(option.value) ?? 'gray'} size={12} withShadow={false} />
          <Text size="sm" style={{ flex: 1 }}>
            {option.label}
          </Text>
          <Text size="xs" c="dimmed">
            {counts.get(option.value) ?? 0}
          </Text>
        </Group>
      )}
      renderPill={({ option, onRemove }) => (
        <Pill
          withRemoveButton
          onRemove={onRemove}
          removeButtonProps={{ 'aria-label': `Remove ${option?.label}` }}
        >
          <Group gap={5} wrap="nowrap" component="span">
            <ColorSwatch
              component="span"
              color={colorOf.get(String(option?.value)) ?? 'gray'}
              size={9}
              withShadow={false}
            />
            {option?.label}
          </Group>
        </Pill>
      )}
    />
  )
}
