// Peak resident memory of the bench process, sampled on a timer and at explicit checkpoints.

export interface RssSampler {
  /** Takes a sample now; call it after phases that block the event loop, where the timer cannot fire. */
  sample(): void
  /** Stops sampling and returns the peak in MB. */
  stop(): number
}

export function sampleRss(intervalMs = 50): RssSampler {
  let peak = process.memoryUsage.rss()
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }
  // unref: the sampler must never keep the process alive after the bench is done.
  const timer = setInterval(sample, intervalMs).unref()
  return {
    sample,
    stop: () => {
      clearInterval(timer)
      sample()
      return peak / (1024 * 1024)
    },
  }
}
