import { describe, expect, it } from 'vitest'
import { handleShutdown } from '../../../src/main/host/shutdown'

describe('stopping browser mode', () => {
  it('runs every step even when one hangs or fails, the workspace last, then exits', async () => {
    const ran: string[] = []
    const exited: number[] = []
    const logged: string[] = []
    const stop = handleShutdown({
      steps: [
        { name: 'a hanging step', run: () => new Promise(() => ran.push('hang')) },
        {
          name: 'a failing step',
          run: async () => {
            ran.push('fail')
            throw new Error('boom')
          },
        },
        { name: 'closing the workspace', run: async () => void ran.push('workspace') },
      ],
      stepTimeoutMs: 50,
      parentPollMs: 0,
      signals: [],
      log: (m) => logged.push(m),
      exit: (code) => exited.push(code),
    })
    await stop('test')
    expect(ran).toEqual(['hang', 'fail', 'workspace'])
    expect(exited).toEqual([1])
    expect(logged.join('\n')).toMatch(/a hanging step did not finish within 0.05 s/)
    expect(logged.join('\n')).toMatch(/a failing step failed: boom/)
    // Asking again while stopping does not run the steps twice.
    await stop('again')
    expect(ran).toHaveLength(3)
  })
})
