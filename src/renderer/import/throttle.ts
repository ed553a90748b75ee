// Calls a function at most once per interval with the latest arguments, and once more at the end of a
// burst, so a batch of hundreds of files redraws its progress ten times a second, not hundreds.

export interface Throttled<A extends unknown[]> {
  (...args: A): void
  /** Drops a pending trailing call. */
  cancel(): void
}

export function throttle<A extends unknown[]>(fn: (...args: A) => void, interval: number): Throttled<A> {
  let last = -Infinity
  let timer: ReturnType<typeof setTimeout> | undefined
  let latest: A | undefined

  const fire = () => {
    timer = undefined
    last = Date.now()
    const args = latest!
    latest = undefined
    fn(...args)
  }

  const throttled = (...args: A) => {
    latest = args
    if (timer !== undefined) return
    const wait = last + interval - Date.now()
    if (wait <= 0) fire()
    else timer = setTimeout(fire, wait)
  }
  throttled.cancel = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    latest = undefined
  }
  return throttled
}
