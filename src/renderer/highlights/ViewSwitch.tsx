// The header's switch between the reader, All highlights (Ctrl/Cmd+Shift+H toggles it), the entities
// and the briefs.
import { SegmentedControl, Tooltip } from '@mantine/core'
import { useEffect, useEffectEvent } from 'react'
import { hasMod, modLabel } from '../app/keyboard'

export type MainView = 'reader' | 'highlights' | 'entities' | 'briefs'

interface ViewSwitchProps {
  value: MainView
  onChange: (view: MainView) => void
}

export function ViewSwitch({ value, onChange }: ViewSwitchProps) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!hasMod(event) || !event.shiftKey || event.altKey || event.key.toLowerCase() !== 'h') return
    event.preventDefault()
    onChange(value === 'highlights' ? 'reader' : 'highlights')
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  return (
    <Tooltip label={`Switch views (${modLabel}+Shift+H)`} withArrow openDelay={400}>
      <SegmentedControl
        size="sm"
        aria-label="View"
        value={value}
        onChange={(view) => onChange(view as MainView)}
        data={[
          { value: 'reader', label: 'Reader' },
          { value: 'highlights', label: 'All highlights' },
          { value: 'entities', label: 'Entities' },
          { value: 'briefs', label: 'Briefs' },
        ]}
      />
    </Tooltip>
  )
}
