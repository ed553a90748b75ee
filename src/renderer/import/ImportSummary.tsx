// The body of the summary after an import: what failed, what looks like a story already there, what was
// already there, what came in, and what in the dropped folders was left alone. File names are kept whole
// and wrap; nothing is cut off.
import { List, ScrollArea, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import type { ImportResult } from '../../shared/api'
import { LikelyDuplicate } from './LikelyDuplicate'
import { type ImportSummaryData, plural } from './summarize-imports'

/** Imported titles listed; failures and likely duplicates are always all listed. */
const SHOWN = 8
/** Files already in the workspace listed by name; a re-dropped folder can hold hundreds. */
const DUPLICATES_SHOWN = 20
/** Ignored names put in the tooltip of their count. */
const IGNORED_NAMED = 30

interface ImportSummaryProps {
  summary: ImportSummaryData
  /** Removes the new copy of a likely duplicate, undoably; false when it failed (already said). */
  onRemoveCopy: (result: ImportResult) => Promise<boolean>
}

const wrap = { overflowWrap: 'anywhere' } as const

export function ImportSummary({ summary, onRemoveCopy }: ImportSummaryProps) {
  const { imported, similar, duplicates, failed, skipped, ignored } = summary
  const [kept, setKept] = useState<ReadonlySet<ImportResult>>(new Set())
  const open = similar.filter((r) => !kept.has(r))
  const plain = imported.filter((r) => !r.similarTo)

  return (
    <ScrollArea.Autosize mah={360} type="auto" offsetScrollbars>
      <Stack gap="xs">
        {failed.length > 0 && (
          <div>
            <Text size="sm" c="red">
              {plural(failed.length, 'file')} could not be imported:
            </Text>
            <List size="sm" spacing={4} withPadding>
              {failed.map((r, i) => (
                <List.Item key={`${r.file}-${i}`} style={wrap}>
                  <Text span size="sm" fw={600}>
                    {r.file}
                  </Text>
                  {' — '}
                  {r.error?.message ?? 'Dossier could not read this file.'}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {open.length > 0 && (
          <div>
            <Text size="sm" c="orange.8">
              {open.length === 1 ? 'A likely duplicate' : `${open.length} likely duplicates`}: the same story,
              already in the workspace from another file.
            </Text>
            <Stack gap={8} mt={4} pl="md">
              {open.map((r, i) => (
                <LikelyDuplicate
                  key={`${r.articleId ?? r.file}-${i}`}
                  result={r}
                  onKeep={() => setKept((current) => new Set(current).add(r))}
                  onRemove={() => onRemoveCopy(r)}
                />
              ))}
            </Stack>
          </div>
        )}
        {duplicates.length > 0 && (
          <div>
            <Text size="sm">{plural(duplicates.length, 'file')} already in the workspace:</Text>
            <List size="sm" spacing={2} withPadding>
              {duplicates.slice(0, DUPLICATES_SHOWN).map((r, i) => (
                <List.Item key={`${r.file}-${i}`} style={wrap}>
                  {r.file}
                  {r.title ? ` (as “${r.title}”)` : ''}
                </List.Item>
              ))}
              {duplicates.length > DUPLICATES_SHOWN && (
                <List.Item>and {duplicates.length - DUPLICATES_SHOWN} more</List.Item>
              )}
            </List>
          </div>
        )}
        {plain.length > 0 && (
          <div>
            <Text size="sm">
              {plural(plain.length, similar.length > 0 ? 'other article' : 'article')} imported:
            </Text>
            <List size="sm" spacing={2} withPadding>
              {plain.slice(0, SHOWN).map((r, i) => (
                <List.Item key={`${r.file}-${i}`} style={wrap}>
                  {r.title ?? r.file}
                  <Text span size="xs" c="dimmed">
                    {r.title ? ` — ${r.file}` : ''}
                  </Text>
                </List.Item>
              ))}
              {plain.length > SHOWN && <List.Item>and {plain.length - SHOWN} more</List.Item>}
            </List>
          </div>
        )}
        {ignored.length > 0 && (
          <Text size="sm" c="dimmed" title={ignored.slice(0, IGNORED_NAMED).join('\n')}>
            {plural(ignored.length, 'other file')} in the folders {ignored.length === 1 ? 'was' : 'were'} left
            alone: not an article format.
          </Text>
        )}
        {skipped > 0 && (
          <Text size="sm" c="dimmed">
            {plural(skipped, 'file')} not imported because the import was cancelled.
          </Text>
        )}
      </Stack>
    </ScrollArea.Autosize>
  )
}
