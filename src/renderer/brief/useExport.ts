// Exports the open article as an annotated brief, Markdown or PDF, and saves the file.
import { useCallback, useRef, useState } from 'react'
import { notifications } from '@mantine/notifications'
import type { ExportedFile } from '../../shared/api'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'
import { saveFile } from './save-file'

export type ExportFormat = 'markdown' | 'pdf'

export interface Exporter {
  pending: ExportFormat | null
  exportBrief(articleId: string, format: ExportFormat): Promise<void>
}

const labels: Record<ExportFormat, string> = { markdown: 'Markdown', pdf: 'PDF' }

export function useExport(): Exporter {
  const [pending, setPending] = useState<ExportFormat | null>(null)
  const running = useRef(false)

  const exportBrief = useCallback(async (articleId: string, format: ExportFormat) => {
    if (running.current) return
    running.current = true
    setPending(format)
    const id = notifications.show({
      loading: true,
      title: `Exporting ${labels[format]}`,
      message: format === 'pdf' ? 'Rendering the PDF…' : 'Writing the brief…',
      autoClose: false,
      withCloseButton: false,
    })
    try {
      const file: ExportedFile =
        format === 'pdf'
          ? await dossier.brief.pdf({ articleId })
          : await dossier.brief.markdown({ articleId })
      saveFile(file)
      notifications.update({
        id,
        loading: false,
        color: 'teal',
        title: `${labels[format]} ready`,
        message: file.fileName,
        autoClose: 3000,
        withCloseButton: true,
      })
    } catch (error) {
      notifications.hide(id)
      notifyError(error, `Could not export ${labels[format]}`)
    } finally {
      running.current = false
      setPending(null)
    }
  }, [])

  return { pending, exportBrief }
}
