// The files as the analyst dropped them, kept byte for byte under their SHA-256, never modified.
import { createHash } from 'node:crypto'
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from './atomic-write'

export const ORIGINALS_DIR = 'originals'

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The extension of a dropped file, reduced to something that is always a safe file name part. */
export function safeExtension(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)
  return match ? match[1]!.toLowerCase() : 'bin'
}

export function originalPath(workspaceDir: string, hash: string, fileName: string): string {
  return join(workspaceDir, ORIGINALS_DIR, `${hash}.${safeExtension(fileName)}`)
}

export async function keepOriginal(workspaceDir: string, hash: string, fileName: string, bytes: Uint8Array) {
  const path = originalPath(workspaceDir, hash, fileName)
  try {
    await access(path)
  } catch {
    await writeFileAtomic(path, bytes)
  }
  return path
}
