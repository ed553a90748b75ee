// Child processes that race to open one workspace, driven round by round over IPC.
import { fork, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import type { RaceCommand, RaceReport } from './race-child'

const childScript = new URL('./race-child.ts', import.meta.url)

export interface Contenders {
  /** Every contender tries to open `dir` at the same instant; resolves with each one's report. */
  race(dir: string): Promise<Extract<RaceReport, { type: 'result' }>[]>
  closeAll(): Promise<void>
  stop(): Promise<void>
}

function nextReport(child: ChildProcess): Promise<RaceReport> {
  return once(child, 'message').then(([report]) => report as RaceReport)
}

export async function startContenders(count: number): Promise<Contenders> {
  const children = Array.from({ length: count }, () =>
    fork(childScript, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  )
  await Promise.all(children.map(nextReport))
  const send = (child: ChildProcess, command: RaceCommand) => child.send(command)
  return {
    async race(dir) {
      const reports = children.map(nextReport)
      const at = Date.now() + 150
      for (const child of children) send(child, { type: 'open', dir, at })
      return (await Promise.all(reports)) as Extract<RaceReport, { type: 'result' }>[]
    },
    async closeAll() {
      const closed = children.map(nextReport)
      for (const child of children) send(child, { type: 'close' })
      await Promise.all(closed)
    },
    async stop() {
      await Promise.all(
        children.map((child) => {
          const exited = once(child, 'exit')
          send(child, { type: 'exit' })
          return exited
        }),
      )
    },
  }
}
