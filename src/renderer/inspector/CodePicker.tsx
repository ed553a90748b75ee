// The code of one highlight: the platform's own select of the codebook's codes, with the current code's
// colour beside it. Native, so a card costs no popover machinery until it is used, and the keyboard and
// screen readers work with it as with any select.
import { ColorSwatch, NativeSelect } from '@mantine/core'
import type { Code } from '../../shared/model'

interface CodePickerProps {
  codes: Code[]
  value: string
  onChange: (codeId: string) => void
}

export function CodePicker({ codes, value, onChange }: CodePickerProps) {
  const current = codes.find((c) => c.id === value)
  // Names only: a native select shows the chosen option as it is written, and the keys are in the legend.
  const data = codes.map((code) => ({ value: code.id, label: code.name }))
  if (!current) data.unshift({ value, label: 'Unknown code' })
  return (
    <NativeSelect
      aria-label="Code"
      size="xs"
      variant="unstyled"
      w={170}
      data={data}
      value={value}
      leftSection={<ColorSwatch color={current?.color ?? '#868e96'} size={10} withShadow={false} />}
      leftSectionWidth={22}
      onChange={(event) => {
        const next = event.currentTarget.value
        if (next && next !== value) onChange(next)
      }}
      styles={{ input: { fontWeight: 600, fontSize: 'var(--mantine-font-size-xs)' } }}
    />
  )
}
