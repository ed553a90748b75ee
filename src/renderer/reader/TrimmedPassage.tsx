// A block the importer trimmed as site furniture, shown on request: dimmed, labelled, with "Restore";
// or a block restored in this session, labelled, with "Trim" to put it back.
import { Button } from '@mantine/core'
import { IconArrowBackUp, IconCut } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import classes from './Reader.module.css'
import { shortQuote } from './text-range'

interface TrimmedPassageProps {
  state: 'trimmed' | 'restored'
  /** The passage's text, to name it for screen readers. */
  quote: string
  onToggle: () => void
  children: ReactNode
}

export function TrimmedPassage({ state, quote, onToggle, children }: TrimmedPassageProps) {
  const trimmed = state === 'trimmed'
  const name = `“${shortQuote(quote.replace(/\s+/g, ' ').trim(), 60)}”`
  return (
    <div className={classes.trimmed} data-state={state}>
      <div className={classes.trimmedLabel} lang="en">
        <IconCut size={13} aria-hidden />
        <span>{trimmed ? 'Trimmed' : 'Restored'}</span>
        <Button
          size="compact-xs"
          variant="subtle"
          color={trimmed ? 'indigo' : 'gray'}
          leftSection={trimmed ? <IconArrowBackUp size={13} /> : <IconCut size={13} />}
          aria-label={`${trimmed ? 'Restore' : 'Trim'} ${name}`}
          onClick={onToggle}
        >
          {trimmed ? 'Restore' : 'Trim'}
        </Button>
      </div>
      <div className={trimmed ? classes.trimmedText : undefined}>{children}</div>
    </div>
  )
}
