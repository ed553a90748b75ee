// Moves a damaged workspace file aside, never overwriting or deleting it, and says so in one sentence.
// In a read-only workspace nothing can move, so the file stays where it is and the sentence says that.
import { mkdir, rename } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import type { WorkspaceProblem } from '../../../shared/model'

export const QUARANTINE_DIR = 'quarantine'

export async function quarantine(
  workspaceDir: string,
  file: string,
  reason: string,
  options: { readOnly?: boolean; restored?: string } = {},
): Promise<WorkspaceProblem> {
  const shown = relative(workspaceDir, file)
  const after = options.restored ?? 'the rest of the workspace is open'
  if (options.readOnly) {
    return {
      file: shown,
      message: `${shown} could not be read because ${reason}. The workspace is read-only, so the file was left where it is; ${after}.`,
    }
  }
  const dir = join(workspaceDir, QUARANTINE_DIR)
  await mkdir(dir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const target = join(dir, `${stamp}-${basename(file)}`)
  await rename(file, target)
  const restore = options.restored ? '' : ' Restore it from backups/ or import the original again.'
  return {
    file: shown,
    message: `${shown} could not be read because ${reason}. It was moved to ${relative(workspaceDir, target)}, untouched, and ${after}.${restore}`,
  }
}
