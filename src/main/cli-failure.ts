// How the command line reports a file it could not read: the store's own error as it is, a missing file
// as not-found, anything else as internal, each naming the file.
import { DossierError, type ApiErrorData } from '../shared/dossier-error'

export function failureData(file: string, error: unknown): ApiErrorData {
  if (error instanceof DossierError) return error.toData()
  const code = (error as NodeJS.ErrnoException).code
  return {
    code: code === 'ENOENT' ? 'not-found' : 'internal',
    message: `${file}: ${(error as Error).message}`,
  }
}
