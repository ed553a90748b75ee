// The body of the summary that stays after an import: what came in, what was already there, what failed.
import { List, ScrollArea, Stack, Text } from '@mantine/core'
import { type ImportSummaryData, plural } from './summarize-imports'

/** Failures first (they need the analyst), then duplicates, then up to this many imported titles. */
const SHOWN = 8

interface ImportSummaryProps {
  summary: ImportSummaryData
}

export function ImportSummary({ summary }: ImportSummaryProps) {
  const { imported, duplicates, failed, skipped } = summary
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
                <List.Item key={`${r.file}-${i}`} style={{ overflowWrap: 'anywhere' }}>
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
        {duplicates.length > 0 && (
          <div>
            <Text size="sm">{plural(duplicates.length, 'file')} already in the workspace:</Text>
            <List size="sm" spacing={2} withPadding>
              {duplicates.map((r, i) => (
                <List.Item key={`${r.file}-${i}`} style={{ overflowWrap: 'anywhere' }}>
                  {r.file}
                  {r.title ? ` (as “${r.title}”)` : ''}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {imported.length > 0 && (
          <div>
            <Text size="sm">{plural(imported.length, 'article')} imported:</Text>
            <List size="sm" spacing={2} withPadding>
              {imported.slice(0, SHOWN).map((r, i) => (
                <List.Item key={`${r.file}-${i}`} style={{ overflowWrap: 'anywhere' }}>
                  {r.title ?? r.file}
                  <Text span size="xs" c="dimmed">
                    {r.title ? ` — ${r.file}` : ''}
                  </Text>
                </List.Item>
              ))}
              {imported.length > SHOWN && <List.Item>and {imported.length - SHOWN} more</List.Item>}
            </List>
          </div>
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
