// Turns what the file system said (ENOSPC, EROFS, EACCES…) into a sentence: what happened to which
// file, whether anything was lost, and what to do.
import { DossierError } from '../../../shared/errors'

export const errnoOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException)?.code

/** Errors that mean "this folder cannot be written", as opposed to a passing failure. */
export function isNotWritable(error: unknown): boolean {
  const code = errnoOf(error)
  return code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
}

/**
 * A failed write as the analyst should hear it. `what` names the thing being saved ("the highlight on
 * “Title”", "dossier.json"); `dir` is the workspace folder.
 */
export function writeError(error: unknown, what: string, dir: string): DossierError {
  if (error instanceof DossierError) return error
  const intact = 'Nothing was lost: the previous version is intact.'
  switch (errnoOf(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new DossierError(
        'disk-full',
        `Could not save ${what}: the disk holding the workspace (${dir}) is full. ${intact} Free some space and try again.`,
      )
    case 'EROFS':
      return new DossierError(
        'read-only',
        `Could not save ${what}: the workspace folder ${dir} is on a read-only disk. ${intact} Copy the workspace to a disk you can write to and open it there.`,
      )
    case 'EACCES':
    case 'EPERM':
      return new DossierError(
        'permission-denied',
        `Could not save ${what}: Dossier is not allowed to write in ${dir} (permission denied). ${intact} Check the folder's permissions and try again.`,
      )
    case 'ENOENT':
      return new DossierError(
        'write-failed',
        `Could not save ${what}: part of the workspace folder ${dir} was removed while Dossier had it open. ${intact} Close Dossier and open the workspace again.`,
      )
    default:
      return new DossierError(
        'write-failed',
        `Could not save ${what} (${(error as Error)?.message ?? String(error)}). ${intact} Try again.`,
      )
  }
}

/** Why a file could not be read, as a phrase: "permission denied", "it is a folder". */
export function readFailure(error: unknown): string {
  switch (errnoOf(error)) {
    case 'EACCES':
    case 'EPERM':
      return 'Dossier is not allowed to read it (permission denied)'
    case 'EISDIR':
      return 'it is a folder, not a file'
    case 'ENOENT':
      return 'it disappeared while it was being read'
    case 'ELOOP':
      return 'it is a link that points to itself'
    case 'EIO':
      return 'the disk reported an error reading it'
    default:
      return (error as Error)?.message ?? String(error)
  }
}
