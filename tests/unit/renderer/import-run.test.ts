// A running import takes batches as they are gathered, runs their files a few at a time, reports the
// known-early results and the ignored files with them, and stops starting files on Cancel.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ImportResult } from '../../../src/shared/api'
import {
  baseName,
  displayPath,
  type ImportBatch,
  type ImportJob,
} from '../../../src/renderer/import/import-batch'
import {
  createImportRun,
  type ImportOutcome,
  type ImportRunState,
} from '../../../src/renderer/import/import-run'
import { throttle } from '../../../src/renderer/import/throttle'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

function job(name: string, log: string[] = []): ImportJob {
  return {
    name,
    run: async () => {
      log.push(name)
      await tick()
      return { file: name, status: 'imported', articleId: `id${name.replace(/\W/g, '')}xxxx`, title: name }
    },
  }
}

function batch(jobs: ImportJob[], results: ImportResult[] = [], ignored: string[] = []): ImportBatch {
  return { jobs, results, ignored }
}

function run(concurrency = 2) {
  const states: ImportRunState[] = []
  let resolveDone!: (outcome: ImportOutcome) => void
  const done = new Promise<ImportOutcome>((resolve) => (resolveDone = resolve))
  const importRun = createImportRun({ concurrency, onProgress: (s) => states.push(s), onDone: resolveDone })
  return { importRun, states, done }
}

describe('createImportRun', () => {
  it('imports every file of a batch, with the results known early first and the ignored files', async () => {
    const { importRun, done, states } = run()
    const unreadable: ImportResult = { file: 'gone.txt', status: 'failed' }
    importRun.add(Promise.resolve(batch([job('a.txt'), job('b.txt'), job('c.txt')], [unreadable], ['x.jpg'])))
    const outcome = await done
    expect(outcome.results.map((r) => r.file)).toEqual(['gone.txt', 'a.txt', 'b.txt', 'c.txt'])
    expect(outcome.ignored).toEqual(['x.jpg'])
    expect(outcome.cancelled).toBe(0)
    expect(states[0]).toMatchObject({ total: 0, preparing: true })
    expect(states.at(-1)).toMatchObject({ total: 3, finished: 3, preparing: false })
    expect(importRun.over).toBe(true)
  })

  it('lets a batch gathered later join the run, and refuses batches once it is over', async () => {
    const { importRun, done } = run()
    let release!: (b: ImportBatch) => void
    importRun.add(Promise.resolve(batch([job('first.txt')])))
    importRun.add(new Promise<ImportBatch>((resolve) => (release = resolve)))
    await tick()
    await tick()
    release(batch([job('later.txt')]))
    const outcome = await done
    expect(outcome.results.map((r) => r.file)).toEqual(['first.txt', 'later.txt'])
    expect(importRun.add(Promise.resolve(batch([job('too-late.txt')])))).toBe(false)
  })

  it('starts no new file after Cancel and counts the ones left', async () => {
    const { importRun, done } = run(1)
    const log: string[] = []
    importRun.add(Promise.resolve(batch(['1', '2', '3', '4'].map((n) => job(`${n}.txt`, log)))))
    await vi.waitFor(() => expect(log.length).toBeGreaterThan(0))
    importRun.cancel()
    const outcome = await done
    expect(outcome.results.length).toBe(log.length)
    expect(outcome.cancelled).toBe(4 - log.length)
  })

  it('turns a batch that could not be gathered into one failed result', async () => {
    const { importRun, done } = run()
    importRun.add(Promise.reject(new Error('the folder vanished')))
    const outcome = await done
    expect(outcome.results).toHaveLength(1)
    expect(outcome.results[0]!.error?.message).toContain('the folder vanished')
  })

  it('finishes at once on an empty batch', async () => {
    const { importRun, done } = run()
    importRun.add(Promise.resolve(batch([])))
    expect((await done).results).toEqual([])
  })
})

describe('throttle', () => {
  afterEach(() => vi.useRealTimers())

  it('calls at once, then at most once per interval with the latest arguments', () => {
    vi.useFakeTimers()
    const calls: number[] = []
    const progress = throttle((n: number) => calls.push(n), 100)
    for (let n = 1; n <= 50; n++) {
      progress(n)
      vi.advanceTimersByTime(10)
    }
    vi.advanceTimersByTime(200)
    expect(calls[0]).toBe(1)
    expect(calls.at(-1)).toBe(50)
    expect(calls.length).toBeLessThanOrEqual(7)
  })

  it('drops the trailing call when cancelled', () => {
    vi.useFakeTimers()
    const calls: number[] = []
    const progress = throttle((n: number) => calls.push(n), 100)
    progress(1)
    progress(2)
    progress.cancel()
    vi.advanceTimersByTime(500)
    expect(calls).toEqual([1])
  })
})

describe('names of files found in folders', () => {
  it('names a file from the dropped folder down', () => {
    expect(displayPath('/home/ana/Reports/2023/brief.txt', ['/home/ana/Reports'])).toBe(
      'Reports/2023/brief.txt',
    )
    expect(displayPath('C:\\Users\\ana\\Reports\\a.pdf', ['C:\\Users\\ana\\Reports'])).toBe('Reports/a.pdf')
    expect(displayPath('/home/ana/one.txt', ['/home/ana/one.txt'])).toBe('one.txt')
    expect(displayPath('/home/ana/Reports-old/a.txt', ['/home/ana/Reports'])).toBe('a.txt')
  })

  it('takes the last part of a path for either separator', () => {
    expect(baseName('/a/b/c.txt')).toBe('c.txt')
    expect(baseName('C:\\a\\b.docx')).toBe('b.docx')
  })
})
