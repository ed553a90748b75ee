// A section title of the inspector with its count beside it (outside the heading's accessible name).
import { Badge, Group, Title } from '@mantine/core'
import type { ReactNode } from 'react'

interface SectionHeadingProps {
  icon: ReactNode
  title: string
  count: number
}

export function SectionHeading({ icon, title, count }: SectionHeadingProps) {
  return (
    <Group gap={8} mb="sm" wrap="nowrap">
      {icon}
      <Title order={2} size="h6" fw={650}>
        {title}
      </Title>
      <Badge size="sm" variant="light" color="gray" radius="sm" aria-label={`${count} in this article`}>
        {count}
      </Badge>
    </Group>
  )
}
