// Where a page's time goes during one phase of a bench: a V8 CPU profile (JavaScript by function, file
// and line) and a Chromium trace (style, layout, paint and GC on the renderer's main thread), both kept
// as files for DevTools and summarised as text. Used by `DOSSIER_BENCH_PROFILE=1 npm run bench -- reader`.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

interface TraceEvent {
  name: string
  ph: string
  dur?: number
  pid: number
  tid: number
  args?: { name?: string }
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink']

function where(frame: ProfileNode['callFrame']): string {
  const file = frame.url.split('/').pop() || frame.url || '(native)'
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`
}

/** Self and total milliseconds per function, the heaviest first. */
function summariseProfile(profile: CpuProfile, top: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const leaf = byId.get(id)!
    self.set(where(leaf.callFrame), (self.get(where(leaf.callFrame)) ?? 0) + ms)
    // Each function once per sample, however deep the recursion.
    const seen = new Set<string>()
    for (let node: ProfileNode | undefined = leaf; node; node = byId.get(parent.get(node.id) ?? -1)) {
      const key = where(node.callFrame)
      if (seen.has(key)) continue
      seen.add(key)
      total.set(key, (total.get(key) ?? 0) + ms)
    }
  })
  const heaviest = (map: Map<string, number>) =>
    [...map]
      .filter(([key]) => !key.startsWith('(root)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${key}`)
  const span = (profile.endTime - profile.startTime) / 1000
  return [
    `CPU profile over ${span.toFixed(0)} ms — self time:`,
    ...heaviest(self),
    'total time (self + callees):',
    ...heaviest(total),
  ]
}

/** Summed duration per event name on the renderer's main thread (nested events counted in each). */
function summariseTrace(events: TraceEvent[], top: number): string[] {
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  )
  if (!main) return ['(no renderer main thread in the trace)']
  const sums = new Map<string, number>()
  for (const event of events) {
    if (event.pid !== main.pid || event.tid !== main.tid || event.ph !== 'X' || !event.dur) continue
    sums.set(event.name, (sums.get(event.name) ?? 0) + event.dur / 1000)
  }
  return [
    'trace, renderer main thread, summed per event:',
    ...[...sums]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`),
  ]
}

/** Runs `phase` under the CPU profiler and a trace; writes both under `dir` and returns a summary. */
export async function profilePhase(
  browser: Browser,
  page: Page,
  dir: string,
  name: string,
  phase: () => Promise<unknown>,
): Promise<string[]> {
  await mkdir(dir, { recursive: true })
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 })
  await browser.startTracing(page, { categories: TRACE_CATEGORIES })
  await cdp.send('Profiler.start')
  let failure: unknown
  try {
    await phase()
  } catch (error) {
    failure = error
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
  const trace = await browser.stopTracing()
  await cdp.detach()
  if (failure) throw failure
  await writeFile(join(dir, `${name}.cpuprofile`), JSON.stringify(profile))
  await writeFile(join(dir, `${name}.trace.json`), trace)
  const { traceEvents } = JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }
  return [`── profile: ${name}`, ...summariseProfile(profile, 25), ...summariseTrace(traceEvents, 20)]
}
