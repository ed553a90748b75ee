// The workspace's annotations as one file in the format asked for, for the app and the command line.
import type { ExportedFile } from '../../../shared/api'
import type { Workspace } from '../store/workspace'
import { highlightsCsv } from './csv'
import { exportQdpx } from './qdpx'
import { exportW3c } from './w3c'

export type AnnotationFormat = 'w3c' | 'qdpx' | 'csv'

export async function exportAnnotations(
  workspace: Workspace,
  format: AnnotationFormat,
): Promise<ExportedFile> {
  const stamp = new Date().toISOString().slice(0, 10)
  const encode = (text: string) => new TextEncoder().encode(text)
  switch (format) {
    case 'w3c':
      return {
        fileName: `dossier-annotations-${stamp}.jsonld`,
        mimeType: 'application/ld+json',
        data: encode(JSON.stringify(await exportW3c(workspace), null, 2)),
      }
    case 'qdpx':
      return {
        fileName: `dossier-project-${stamp}.qdpx`,
        mimeType: 'application/zip',
        data: await exportQdpx(workspace),
      }
    case 'csv':
      return {
        fileName: `dossier-highlights-${stamp}.csv`,
        mimeType: 'text/csv;charset=utf-8',
        data: encode(await highlightsCsv(workspace)),
      }
  }
}
