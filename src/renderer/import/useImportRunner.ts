// Runs imports two files at a time with a progress notification and a Cancel button, then leaves a summary
// until the analyst dismisses it. Files dropped while a batch runs join that batch.
import { createElement, useCallback, useEffect, useRef } from 'react'
import { notifications } from '@mantine/notifications'
import type { ImportResult } from '../../shared/api'
import { importFile } from './import-file'
import { ImportProgress } from './ImportProgress'
import { ImportSummary } from './ImportSummary'
import { createQueue, runQueue, type JobQueue } from './run-queue'
import { summarizeImports, summaryTitle } from './summarize-imports'

const CONCURRENCY = 2
const PROGRESS_ID = 'import-progress'

export function useImportRunner(onFinished: (results: ImportResult[]) => void): (files: File[]) => void {
  const running = useRef<JobQueue<File, ImportResult> | null>(null)
  const finishedRef = useRef(onFinished)

  useEffect(() => {
    finishedRef.current = onFinished
  })

  return useCallback((files: File[]) => {
    if (files.length === 0) return
    if (running.current) {
      running.current.items.push(...files)
      return
    }
    const queue = createQueue<File, ImportResult>(files)
    running.current = queue
    let current = files[0]?.name ?? ''

    const showProgress = (first = false) => {
      const data = {
        id: PROGRESS_ID,
        title: 'Importing files',
        autoClose: false as const,
        withCloseButton: false,
        message: createElement(ImportProgress, {
          started: queue.started,
          finished: queue.finished,
          total: queue.items.length,
          current,
          cancelling: queue.cancelled,
          onCancel: () => {
            queue.cancelled = true
            showProgress()
          },
        }),
      }
      if (first) notifications.show(data)
      else notifications.update(data)
    }

    showProgress(true)
    void runQueue(queue, importFile, CONCURRENCY, {
      onStart: (file) => {
        current = file.name
        showProgress()
      },
      onFinish: () => showProgress(),
    }).then(() => {
      running.current = null
      notifications.hide(PROGRESS_ID)
      const summary = summarizeImports(queue.results, queue.items.length)
      const color = summary.failed.length > 0 ? 'red' : summary.imported.length > 0 ? 'teal' : 'yellow'
      // A clean batch needs no reading; one with a failure or a duplicate stays until dismissed.
      const clean = summary.failed.length === 0 && summary.duplicates.length === 0 && summary.skipped === 0
      notifications.show({
        color,
        title: summaryTitle(summary),
        message: createElement(ImportSummary, { summary }),
        autoClose: clean ? 6000 : false,
      })
      finishedRef.current(queue.results.filter((r): r is ImportResult => r !== undefined))
    })
  }, [])
}
