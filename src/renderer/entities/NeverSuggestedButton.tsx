// The small button in the entity list's header that opens the forms never suggested.
import { ActionIcon, Tooltip } from '@mantine/core'
import { IconBan } from '@tabler/icons-react'

export function NeverSuggestedButton({ onClick }: { onClick: () => void }) {
  return (
    <Tooltip label="Never suggested" openDelay={300}>
      <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Never suggested" onClick={onClick}>
        <IconBan size={15} />
      </ActionIcon>
    </Tooltip>
  )
}
