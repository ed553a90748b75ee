// The per-file size limit, and the refusal of a file over it: what the command line needs before it
// reads a file, without the importer and the workspace code behind it.
import { DossierError } from '../../../shared/dossier-error'
import { tooLargeMessage } from '../../../shared/file-size'

export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024

/** The per-file limit: DOSSIER_MAX_FILE_MB when set, else 100 MB. */
export function maxFileBytesFrom(env: NodeJS.ProcessEnv): number {
  const mb = Number(env.DOSSIER_MAX_FILE_MB)
  return Number.isFinite(mb) && mb > 0 ? Math.round(mb * 1024 * 1024) : DEFAULT_MAX_FILE_BYTES
}

export function tooLarge(file: string, size: number, limit: number): DossierError {
  return new DossierError('too-large', tooLargeMessage(file, size, limit), file)
}
