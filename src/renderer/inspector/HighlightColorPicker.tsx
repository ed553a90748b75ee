// Four swatches to change a highlight's colour.
import { CheckIcon, ColorSwatch, Group, Tooltip } from '@mantine/core'
import type { HighlightColor } from '../../shared/model'
import { HIGHLIGHT_COLORS, highlightColorLabel, highlightSwatch } from '../reader/annotation-colors'

interface HighlightColorPickerProps {
  value: HighlightColor
  onChange: (color: HighlightColor) => void
}

export function HighlightColorPicker({ value, onChange }: HighlightColorPickerProps) {
  return (
    <Group gap={6} role="group" aria-label="Colour">
      {HIGHLIGHT_COLORS.map((color) => (
        <Tooltip key={color} label={highlightColorLabel[color]} openDelay={400} withArrow>
          <ColorSwatch
            component="button"
            type="button"
            size={18}
            color={highlightSwatch[color]}
            aria-label={highlightColorLabel[color]}
            aria-pressed={color === value}
            onClick={() => color !== value && onChange(color)}
            style={{ cursor: 'pointer', color: 'var(--mantine-color-dark-7)' }}
          >
            {color === value && <CheckIcon size={9} />}
          </ColorSwatch>
        </Tooltip>
      ))}
    </Group>
  )
}
