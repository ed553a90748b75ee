// The button in the entity list's header that opens the review of the recogniser's proposed entities.
import { ActionIcon, Tooltip } from '@mantine/core'
import { IconSparkles } from '@tabler/icons-react'

export function ProposalsButton({ onClick }: { onClick: () => void }) {
  return (
    <Tooltip label="Review proposed entities" openDelay={300}>
      <ActionIcon
        size="sm"
        variant="subtle"
        color="gray"
        aria-label="Review proposed entities"
        onClick={onClick}
      >
        <IconSparkles size={15} />
      </ActionIcon>
    </Tooltip>
  )
}
