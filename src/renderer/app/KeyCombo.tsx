// Renders a key combination such as Ctrl + Shift + E with <kbd> elements.
import { Kbd } from '@mantine/core'
import { Fragment } from 'react'

export function KeyCombo({ keys, size = 'sm' }: { keys: string[]; size?: 'xs' | 'sm' }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {keys.map((key, i) => (
        <Fragment key={key}>
          {i > 0 && ' + '}
          <Kbd size={size}>{key}</Kbd>
        </Fragment>
      ))}
    </span>
  )
}
