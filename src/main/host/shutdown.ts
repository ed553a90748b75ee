// Stopping browser mode so that nothing outlives it: on Ctrl+C, SIGTERM, a closed terminal, or the
// parent process going away (npm's shell does not pass SIGTERM on), every step runs, each bounded in
// time, the workspace lock is released last, and the process exits.
export interface ShutdownStep {
  name: string
  run(): Promise<void>
}

export interface ShutdownOptions {
  /** The steps, in order; one that fails or hangs does not keep the next from running. */
  steps: ShutdownStep[]
  stepTimeoutMs?: number
  log?(message: string): void
  exit?(code: number): void
  /** The signals that stop the process (all three by default). */
  signals?: NodeJS.Signals[]
  /** How often to check that the process that started this one is still there (0: never). */
  parentPollMs?: number
}

function bounded(step: ShutdownStep, ms: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(`${step.name} did not finish within ${ms / 1000} s`), ms)
    step.run().then(
      () => {
        clearTimeout(timer)
        resolve(undefined)
      },
      (error: unknown) => {
        clearTimeout(timer)
        resolve(`${step.name} failed: ${(error as Error)?.message ?? String(error)}`)
      },
    )
  })
}

/** Installs the handlers; returns the stop function (also usable directly). */
export function handleShutdown(options: ShutdownOptions): (reason: string) => Promise<void> {
  const log = options.log ?? ((message) => console.error(message))
  const exit = options.exit ?? ((code) => process.exit(code))
  const stepTimeoutMs = options.stepTimeoutMs ?? 8_000
  let stopping: Promise<void> | undefined
  let stoppedAt = 0

  const stop = (reason: string): Promise<void> => {
    if (stopping) return stopping
    log(`Dossier is stopping (${reason})…`)
    stoppedAt = Date.now()
    stopping = (async () => {
      let failed = false
      for (const step of options.steps) {
        const problem = await bounded(step, stepTimeoutMs)
        if (problem) {
          failed = true
          log(`Warning: ${problem}.`)
        }
      }
      exit(failed ? 1 : 0)
    })()
    return stopping
  }

  for (const signal of options.signals ?? ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      // Ctrl+C again, a while after the first, means "now" (a terminal and npm may each pass on the
      // first one, so one press can arrive twice). The next opening takes over the lock of a dead process.
      if (stopping && signal === 'SIGINT' && Date.now() - stoppedAt > 2_000) exit(130)
      void stop(signal === 'SIGINT' ? 'Ctrl+C' : signal)
    })
  }
  const parent = process.ppid
  const pollMs = options.parentPollMs ?? 500
  if (pollMs > 0) {
    const watch = setInterval(() => {
      if (process.ppid !== parent) void stop('the process that started it has ended')
    }, pollMs)
    watch.unref()
  }
  return stop
}
