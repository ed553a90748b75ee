// Shared test helpers: temp folders and the corpus beside the project (read-only, so tests copy from it).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const corpusDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../shared/corpus')
export const seedsDir = join(corpusDir, 'seeds')
export const hostileDir = join(corpusDir, 'hostile')
export const SEED_000 = join(seedsDir, '000_8b2ef8656cbf5d92.txt')
export const SEED_004 = join(seedsDir, '004_e50e5ac0ee4a13f3.txt')

export async function tempDir(prefix = 'dossier-test-'): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix))
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}
