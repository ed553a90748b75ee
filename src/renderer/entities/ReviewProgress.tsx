// The footer of a review while its chosen items are applied, a few per call: how far it has come, and
// Cancel, which stops after the call under way (tagging occurrences, accepting proposed names).
import { Button, Group, Progress, Text } from '@mantine/core'

interface ReviewProgressProps {
  done: number
  total: number
  /** What is being done, for screen readers: "Tagging". */
  label: string
  /** How far, in words: "12 of 40 tagged". */
  told: string
  onCancel: () => void
}

export function ReviewProgress({ done, total, label, told, onCancel }: ReviewProgressProps) {
  return (
    <Group gap="sm" wrap="nowrap">
      <Progress flex={1} value={total ? (done / total) * 100 : 0} aria-label={label} animated />
      <Text size="sm" w={170}>
        {told}
      </Text>
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
    </Group>
  )
}
