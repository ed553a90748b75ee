// Moves a damaged workspace file aside, never overwriting or deleting it, and says so in one sentence.
import { mkdir, rename } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import type { WorkspaceProblem } from '../../../shared/model'

export const QUARANTINE_DIR = 'quarantine'

export async function quarantine(
  workspaceDir: string,
  file: string,
  reason: string,
): Promise<WorkspaceProblem> {
  const dir = join(workspaceDir, QUARANTINE_DIR)
  await mkdir(dir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const target = join(dir, `${stamp}-${basename(file)}`)
  await rename(file, target)
  const shown = relative(workspaceDir, file)
  return {
    file: shown,
    message: `${shown} could not be read because ${reason}. It was moved to ${relative(workspaceDir, target)} and the rest of the workspace is open. Restore it from backups/ or import the original again.`,
  }
}
