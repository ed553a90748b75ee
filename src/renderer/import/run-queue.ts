// Runs a growing queue of jobs with a fixed number of workers. Items may be appended while it runs, and
// cancelling stops new jobs from starting while the running ones finish.

export interface JobQueue<T, R> {
  items: T[]
  results: (R | undefined)[]
  started: number
  finished: number
  cancelled: boolean
}

export function createQueue<T, R>(items: T[]): JobQueue<T, R> {
  return { items: [...items], results: [], started: 0, finished: 0, cancelled: false }
}

export interface QueueEvents<T, R> {
  onStart?(item: T, index: number): void
  onFinish?(item: T, result: R, index: number): void
}

/** Resolves when every started job has finished; `worker` must not throw (it turns failures into results). */
export async function runQueue<T, R>(
  queue: JobQueue<T, R>,
  worker: (item: T) => Promise<R>,
  concurrency: number,
  events: QueueEvents<T, R> = {},
): Promise<void> {
  async function work(): Promise<void> {
    while (!queue.cancelled && queue.started < queue.items.length) {
      const index = queue.started++
      const item = queue.items[index] as T
      events.onStart?.(item, index)
      const result = await worker(item)
      queue.results[index] = result
      queue.finished++
      events.onFinish?.(item, result, index)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, work))
}
