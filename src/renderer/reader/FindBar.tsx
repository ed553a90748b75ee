// Find in the open article (Ctrl/Cmd+F), and the hits of the library search it was opened from: every
// hit marked, the current one scrolled to and flashed; Enter and Shift+Enter (or the arrows) step
// through them, Esc closes. "Sentence" selects the sentence of the current hit, ready for H or B.
import { ActionIcon, Button, CloseButton, Group, Paper, Text, TextInput, Tooltip } from '@mantine/core'
import { IconChevronDown, IconChevronUp, IconSearch } from '@tabler/icons-react'
import type { RefObject } from 'react'
import classes from './Reader.module.css'

interface FindBarProps {
  inputRef: RefObject<HTMLInputElement | null>
  text: string
  /** Where the hits come from: the library's search (its words), or this bar's own phrase. */
  fromLibrary: boolean
  count: number
  index: number
  onText: (text: string) => void
  onStep: (delta: number) => void
  onSelectSentence: () => void
  onClose: () => void
}

export function FindBar({
  inputRef,
  text,
  fromLibrary,
  count,
  index,
  onText,
  onStep,
  onSelectSentence,
  onClose,
}: FindBarProps) {
  const status = !text.trim() ? '' : count === 0 ? 'No match' : `${index + 1} of ${count}`
  return (
    <Paper
      withBorder
      shadow="sm"
      radius="md"
      p={4}
      className={classes.findBar}
      role="search"
      aria-label="Find"
    >
      <Group gap={4} wrap="nowrap">
        <TextInput
          ref={inputRef}
          size="xs"
          flex={1}
          aria-label="Find in the article"
          placeholder={fromLibrary ? 'Library search' : 'Find in the article'}
          leftSection={<IconSearch size={14} />}
          value={text}
          onChange={(e) => onText(e.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              onStep(event.shiftKey ? -1 : 1)
            } else if (event.key === 'Escape') {
              event.preventDefault()
              onClose()
            }
          }}
        />
        <Text
          size="xs"
          c={count === 0 && text.trim() ? 'red' : 'dimmed'}
          miw={64}
          ta="center"
          aria-live="polite"
          data-testid="find-status"
        >
          {status}
        </Text>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label="Previous (Shift+Enter)"
          disabled={count === 0}
          onClick={() => onStep(-1)}
        >
          <IconChevronUp size={15} />
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label="Next (Enter)"
          disabled={count === 0}
          onClick={() => onStep(1)}
        >
          <IconChevronDown size={15} />
        </ActionIcon>
        <Tooltip label="Select the sentence of this hit, to highlight it (H) or add it to a brief (B)">
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            disabled={count === 0}
            onClick={onSelectSentence}
          >
            Sentence
          </Button>
        </Tooltip>
        <CloseButton size="sm" aria-label="Close find" onClick={onClose} />
      </Group>
    </Paper>
  )
}
