// Kill trials: an analyst process is killed (SIGKILL) at a random moment, the workspace is opened
// again, and every write it acknowledged must be there, in a workspace that opens without a problem.
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Workspace } from '../../../src/main/services/store/workspace'
import { AcknowledgedWrites, type LogLine } from './acknowledged'
import { seeded } from './random'

const child = new URL('./analyst-child.ts', import.meta.url).pathname

export interface TrialCounts {
  trials: number
  /** Kills that landed before the workspace had finished opening. */
  killedWhileOpening: number
  acknowledged: number
  /**
   * Changes in flight at the moment of a kill, by kind; `compaction` counts kills that cut a log's
   * folding into its article file short (seen on disk: the trials make no other rewrites).
   */
  interrupted: Record<string, number>
  /** Kills after which at least one article had a log to replay. */
  withLogs: number
  lost: number
  corrupted: number
  failures: string[]
}

export interface TrialOptions {
  trials: number
  /** Trials share a workspace in runs of this many, so later kills hit a fuller workspace. */
  perWorkspace?: number
  /** Workspaces worked on at the same time (each by one process at a time). */
  parallel?: number
  seed?: number
  onTrial?(counts: TrialCounts): void
}

interface Killed {
  lines: LogLine[]
  beforeReady: boolean
}

/**
 * Runs the analyst on `dir` and kills it at a random moment after it is ready, or, in a workspace still
 * empty, after its first acknowledged write: on a loaded machine the first import can take longer than
 * the window, and trials that never get past it would test nothing.
 */
function killAtRandom(
  dir: string,
  seed: number,
  random: () => number,
  armOn: 'ready' | 'ack',
): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dir, String(seed)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let buffer = ''
    const lines: LogLine[] = []
    let ready = false
    let timer: NodeJS.Timeout | undefined
    const kill = () => proc.kill('SIGKILL')
    // Some kills land while the workspace is still opening (and perhaps recovering from the last kill).
    if (random() < 0.15) timer = setTimeout(kill, random() * 1500)
    proc.stdout.setEncoding('utf8')
    proc.stdout.on('data', (chunk: string) => {
      buffer += chunk
      let newline
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffer.slice(0, newline)) as LogLine
        buffer = buffer.slice(newline + 1)
        lines.push(line)
        if (line.op === 'ready') ready = true
        const armed =
          armOn === 'ready' ? line.op === 'ready' : ready && line.op !== 'ready' && line.stage === 'ack'
        if (armed && !timer) timer = setTimeout(kill, random() * 3000)
      }
    })
    proc.on('error', reject)
    proc.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (signal !== 'SIGKILL') reject(new Error(`the analyst process ended by itself (${code ?? signal})`))
      // A partial last line is a write the parent never heard acknowledged.
      else resolve({ lines, beforeReady: !ready })
    })
  })
}

export async function runKillTrials(options: TrialOptions): Promise<TrialCounts> {
  const counts: TrialCounts = {
    trials: 0,
    killedWhileOpening: 0,
    acknowledged: 0,
    interrupted: {},
    withLogs: 0,
    lost: 0,
    corrupted: 0,
    failures: [],
  }
  const perWorkspace = options.perWorkspace ?? 20
  const random = seeded(options.seed ?? 20261201)
  let next = 0
  const claim = () => (next < options.trials ? next++ : undefined)

  async function lane() {
    while (next < options.trials) {
      const dir = await mkdtemp(join(tmpdir(), 'dossier-kill-'))
      const acks = new AcknowledgedWrites()
      try {
        for (let i = 0; i < perWorkspace; i++) {
          const trial = claim()
          if (trial === undefined) break
          const killed = await killAtRandom(dir, trial + 1, random, acks.hasArticles ? 'ready' : 'ack')
          const pending = new Map<string, string>()
          for (const line of killed.lines) {
            acks.record(line)
            if (line.op === 'ready') continue
            if (line.stage === 'attempt') pending.set(line.op, line.op)
            else pending.delete(line.op)
          }
          for (const op of pending.keys()) counts.interrupted[op] = (counts.interrupted[op] ?? 0) + 1
          if (killed.beforeReady) counts.killedWhileOpening++
          const left = await leftOnDisk(dir)
          if (left.rewrites > 0) counts.interrupted.compaction = (counts.interrupted.compaction ?? 0) + 1
          if (left.logs > 0) counts.withLogs++
          counts.acknowledged += killed.lines.filter((l) => l.op !== 'ready' && l.stage === 'ack').length
          await check(dir, trial, acks, counts)
          counts.trials++
          options.onTrial?.(counts)
        }
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    }
  }
  await Promise.all(Array.from({ length: options.parallel ?? 1 }, lane))
  return counts
}

/**
 * What the kill left in articles/: signs of a compaction cut short (the temp file of a rewrite of an
 * existing article, or a log older than the file it was folded into), and logs to replay.
 */
async function leftOnDisk(dir: string): Promise<{ rewrites: number; logs: number }> {
  const articles = join(dir, 'articles')
  const names = new Set(await readdir(articles).catch(() => [] as string[]))
  let rewrites = 0
  let logs = 0
  for (const name of names) {
    const temp = /^\.(\w+\.json)\.[0-9a-f]{12}\.tmp$/.exec(name)
    if (temp && names.has(temp[1]!)) rewrites++
    if (!name.endsWith('.log')) continue
    logs++
    const file = await stat(join(articles, name.replace(/\.log$/, '.json'))).catch(() => undefined)
    const log = await stat(join(articles, name)).catch(() => undefined)
    if (file && log && file.mtimeMs > log.mtimeMs) rewrites++
  }
  return { rewrites, logs }
}

async function check(dir: string, trial: number, acks: AcknowledgedWrites, counts: TrialCounts) {
  let workspace: Workspace
  try {
    workspace = await Workspace.open(dir)
  } catch (error) {
    counts.corrupted++
    counts.failures.push(`trial ${trial}: the workspace did not open: ${(error as Error).message}`)
    return
  }
  try {
    if (workspace.problems.length > 0) {
      counts.corrupted++
      counts.failures.push(...workspace.problems.map((p) => `trial ${trial}: ${p.message}`))
    }
    const lost = await acks.missing(workspace)
    counts.lost += lost.length
    counts.failures.push(...lost.map((l) => `trial ${trial}: ${l}`))
  } finally {
    await workspace.close()
  }
}
