// Runs imports two files at a time with a progress notification (redrawn at most ten times a second) and
// a Cancel button, then shows a summary: it stays until dismissed when something needs the analyst, and
// closes by itself after a clean batch. Batches started while one runs join it.
import { createElement, useCallback, useEffect, useRef } from 'react'
import { notifications } from '@mantine/notifications'
import type { ImportResult } from '../../shared/api'
import type { ImportBatch } from './import-batch'
import { ImportProgress } from './ImportProgress'
import { createImportRun, type ImportOutcome, type ImportRun, type ImportRunState } from './import-run'
import { ImportSummary } from './ImportSummary'
import { needsAttention, summarizeImports, summaryTitle } from './summarize-imports'
import { throttle } from './throttle'

const CONCURRENCY = 2
const PROGRESS_ID = 'import-progress'
const PROGRESS_INTERVAL = 100

export interface ImportRunnerEvents {
  onFinished(results: ImportResult[]): void
  /** "Remove new copy" on a likely duplicate; false when it failed. */
  onRemoveCopy(result: ImportResult): Promise<boolean>
}

export function useImportRunner(events: ImportRunnerEvents): (batch: Promise<ImportBatch>) => void {
  const running = useRef<ImportRun | null>(null)
  const eventsRef = useRef(events)

  useEffect(() => {
    eventsRef.current = events
  })

  return useCallback((batch: Promise<ImportBatch>) => {
    if (running.current?.add(batch)) return

    const show = (state: ImportRunState, first = false) => {
      const data = {
        id: PROGRESS_ID,
        title: 'Importing files',
        autoClose: false as const,
        withCloseButton: false,
        message: createElement(ImportProgress, { state, onCancel: () => run.cancel() }),
      }
      if (first) notifications.show(data)
      else notifications.update(data)
    }
    const progress = throttle((state: ImportRunState) => show(state), PROGRESS_INTERVAL)

    const finish = (outcome: ImportOutcome) => {
      progress.cancel()
      running.current = null
      notifications.hide(PROGRESS_ID)
      const summary = summarizeImports(outcome.results, outcome)
      const color = summary.failed.length > 0 ? 'red' : summary.imported.length > 0 ? 'teal' : 'yellow'
      notifications.show({
        color,
        title: summaryTitle(summary),
        message: createElement(ImportSummary, {
          summary,
          onRemoveCopy: (result) => eventsRef.current.onRemoveCopy(result),
        }),
        autoClose: needsAttention(summary) ? false : 6000,
      })
      eventsRef.current.onFinished(outcome.results)
    }

    const run = createImportRun({ concurrency: CONCURRENCY, onProgress: progress, onDone: finish })
    running.current = run
    show({ total: 0, started: 0, finished: 0, current: '', preparing: true, cancelled: false }, true)
    run.add(batch)
  }, [])
}
