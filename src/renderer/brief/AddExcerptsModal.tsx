// Picks highlights from the whole workspace to add to a brief as excerpts: search by words of the
// quote or note, tick one or many, add them at the end of the chosen section.
import { Button, Checkbox, Group, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { HighlightRow } from '../../shared/highlight-search'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'

interface AddExcerptsModalProps {
  opened: boolean
  onClose: () => void
  onAdd: (rows: HighlightRow[]) => void
}

export function AddExcerptsModal({ opened, onClose, onAdd }: AddExcerptsModalProps) {
  const [text, setText] = useState('')
  const [rows, setRows] = useState<HighlightRow[]>([])
  const [total, setTotal] = useState(0)
  const [chosen, setChosen] = useState<Set<string>>(new Set())

  useEffect(() => {
    if (!opened) return
    let live = true
    const timer = window.setTimeout(() => {
      dossier.highlights.search({ text: text.trim() || undefined, limit: 200 }).then(
        (result) => {
          if (!live) return
          setRows(result.rows)
          setTotal(result.total)
        },
        (error: unknown) => notifyError(error, 'Could not search the highlights'),
      )
    }, 150)
    return () => {
      live = false
      window.clearTimeout(timer)
    }
  }, [opened, text])

  function close() {
    setChosen(new Set())
    onClose()
  }

  function toggle(id: string) {
    const next = new Set(chosen)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    setChosen(next)
  }

  return (
    <Modal opened={opened} onClose={close} title="Add excerpts from highlights" size="lg">
      <Stack gap="sm">
        <TextInput
          data-autofocus
          label="Find highlights"
          placeholder="Words of the passage or of its note"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Text size="xs" c="dimmed">
          {total === 0
            ? 'No highlights match. Highlight passages in the reader first, then add them here.'
            : `${total} highlight${total === 1 ? '' : 's'}${total > rows.length ? `, the first ${rows.length} shown` : ''}`}
        </Text>
        <ScrollArea.Autosize mah={380} type="auto">
          <Stack gap={6} aria-label="Highlights to add">
            {rows.map((row) => (
              <Checkbox
                key={row.highlight.id}
                checked={chosen.has(row.highlight.id)}
                onChange={() => toggle(row.highlight.id)}
                label={
                  <Text size="sm" lineClamp={3}>
                    “{row.highlight.target.quote.exact}”
                  </Text>
                }
                description={[row.title, row.siteName].filter(Boolean).join(' · ')}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            disabled={chosen.size === 0}
            onClick={() => {
              onAdd(rows.filter((r) => chosen.has(r.highlight.id)))
              close()
            }}
          >
            {chosen.size > 1 ? `Add ${chosen.size} excerpts` : 'Add excerpt'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
