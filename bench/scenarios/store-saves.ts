// Part of the store scenario: timing one-highlight saves through the real Workspace, each next to the
// disk's floor for the same bytes, measured in the same loop so drift in a noisy disk hits both alike.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { addHighlight } from '../../src/main/services/annotate/highlights'
import { ARTICLES_DIR, articlePath } from '../../src/main/services/store/article-file'
import type { Workspace } from '../../src/main/services/store/workspace'
import type { Article } from '../../src/shared/model'
import type { Random } from '../lib/random'
import { timeMs } from '../lib/stats'
import { timeAtomicWrite, timeBareWrite } from '../lib/write-floor'

export interface SaveSamples {
  save: number[]
  floor: number[]
  atomic: number[]
}

/** A selection of 20–200 characters inside one block, as an analyst would drag. */
function randomRange(r: Random, article: Article): { start: number; end: number } {
  const block = r.pick(article.blocks.filter((b) => b.end - b.start > 20))
  const start = r.int(block.start, block.end - 20)
  return { start, end: Math.min(block.end, start + r.int(20, 200)) }
}

/** One highlight on a random article; returns the article file as saved, for the floor to write. */
async function saveOne(
  workspace: Workspace,
  ids: readonly string[],
  r: Random,
): Promise<{ ms: number; bytes: Buffer }> {
  const id = r.pick(ids)
  const ms = await timeMs(() => workspace.updateArticle(id, (a) => addHighlight(a, randomRange(r, a))))
  return { ms, bytes: await readFile(articlePath(workspace.dir, id)) }
}

/**
 * Back to back, as the product issue measures: save, then the bare write and the store's atomic write
 * of the same bytes. Index writes (one per 250 ms of saving) fall on about 1% of samples, below p95.
 */
export async function measureSavesBackToBack(
  workspace: Workspace,
  ids: readonly string[],
  r: Random,
  warmup: number,
  samples: number,
): Promise<SaveSamples> {
  const dir = join(workspace.dir, ARTICLES_DIR)
  const out: SaveSamples = { save: [], floor: [], atomic: [] }
  for (let i = 0; i < warmup + samples; i++) {
    const { ms, bytes } = await saveOne(workspace, ids, r)
    const floor = await timeBareWrite(dir, bytes)
    const atomic = await timeAtomicWrite(dir, bytes)
    if (i < warmup) continue
    out.save.push(ms)
    out.floor.push(floor)
    out.atomic.push(atomic)
  }
  await workspace.flush()
  return out
}

/** Just past the store's INDEX_WRITE_DELAY_MS (250, not exported): each save arrives as the previous one's index write starts. */
export const PACE_MS = 251

async function sleepUntil(time: number): Promise<void> {
  await sleep(Math.max(0, time - performance.now()))
}

/**
 * At an analyst's pace, every save is followed by its own rewrite of dossier.json, and the next save
 * meets it. Times run from when the save was due, so a main thread blocked by JSON.stringify of the index
 * counts, as it would for an IPC call. The floor runs halfway between saves, timed the same way.
 */
export async function measureSavesPaced(
  workspace: Workspace,
  ids: readonly string[],
  r: Random,
  samples: number,
): Promise<Pick<SaveSamples, 'save' | 'floor'>> {
  const dir = join(workspace.dir, ARTICLES_DIR)
  const out = { save: [] as number[], floor: [] as number[] }
  let saveDue = performance.now()
  // Two unmeasured rounds, so the first measured save already meets an index write.
  for (let i = 0; i < samples + 2; i++) {
    await sleepUntil(saveDue)
    const saveLate = performance.now() - saveDue
    const { ms, bytes } = await saveOne(workspace, ids, r)
    const saved = saveDue + saveLate + ms
    const floorDue = saved + PACE_MS / 2
    await sleepUntil(floorDue)
    const floor = performance.now() - floorDue + (await timeBareWrite(dir, bytes))
    saveDue = saved + PACE_MS
    if (i < 2) continue
    out.save.push(saveLate + ms)
    out.floor.push(floor)
  }
  await workspace.flush()
  return out
}
