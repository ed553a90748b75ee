// A small count with an icon and a tooltip, as on each Library row.
import { Badge, Tooltip } from '@mantine/core'
import type { ReactNode } from 'react'

interface CountBadgeProps {
  count: number
  icon: ReactNode
  label: string
  color: string
}

export function CountBadge({ count, icon, label, color }: CountBadgeProps) {
  return (
    <Tooltip label={label} withArrow openDelay={300}>
      <Badge
        size="sm"
        radius="sm"
        variant="light"
        color={count > 0 ? color : 'gray'}
        leftSection={icon}
        styles={{ root: { opacity: count > 0 ? 1 : 0.55, textTransform: 'none' } }}
      >
        {count}
      </Badge>
    </Tooltip>
  )
}
