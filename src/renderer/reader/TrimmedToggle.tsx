// The discreet control at the end of an article that shows or hides the passages trimmed from it.
import { Button, Text } from '@mantine/core'
import { IconEye, IconEyeOff } from '@tabler/icons-react'
import classes from './Reader.module.css'

interface TrimmedToggleProps {
  count: number
  shown: boolean
  onToggle: () => void
}

export function TrimmedToggle({ count, shown, onToggle }: TrimmedToggleProps) {
  return (
    <footer className={classes.trimmedFooter} lang="en">
      <Button
        variant="subtle"
        color="gray"
        size="compact-sm"
        leftSection={shown ? <IconEyeOff size={15} /> : <IconEye size={15} />}
        onClick={onToggle}
      >
        {shown ? 'Hide trimmed text' : 'Show trimmed text'} ({count})
      </Button>
      <Text size="xs" c="dimmed">
        <bdi>
          {shown
            ? 'Restore a passage to make it part of the reading again.'
            : 'Share bars, teasers and agency credits are set aside. They stay in the article’s text.'}
        </bdi>
      </Text>
    </footer>
  )
}
