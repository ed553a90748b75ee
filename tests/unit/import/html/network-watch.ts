// Watches for any network connection during a test three ways: a spy on net.Socket's connect, the
// 'net.client.socket' diagnostics channel, and a listener on 127.0.0.1:9 where hostile pages aim.
import diagnosticsChannel from 'node:diagnostics_channel'
import net from 'node:net'

export interface NetworkReport {
  connects: string[]
  channelSockets: number
  accepted: number
}

export interface NetworkWatch {
  /** Whether 127.0.0.1:9 could be bound (it needs root); the other two checks work regardless. */
  listening: boolean
  /** Connects once to 127.0.0.1:9 and checks all three checks saw it, then resets the counts. */
  proveItSees(): Promise<void>
  report(): NetworkReport
  reset(): void
  stop(): Promise<void>
}

const HOST = '127.0.0.1'
const PORT = 9

function describeTarget(args: unknown[]): string {
  const [first, second] = args
  // net.connect hands Socket#connect its arguments already normalized into one array.
  if (Array.isArray(first)) return describeTarget(first)
  if (first && typeof first === 'object') {
    const options = first as { host?: string; port?: number; path?: string }
    return options.path ?? `${options.host ?? 'localhost'}:${options.port ?? '?'}`
  }
  return `${String(second ?? 'localhost')}:${String(first)}`
}

export async function watchNetwork(): Promise<NetworkWatch> {
  const report: NetworkReport = { connects: [], channelSockets: 0, accepted: 0 }
  const server = net.createServer((socket) => {
    report.accepted++
    socket.destroy()
  })
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false))
    server.listen(PORT, HOST, () => resolve(true))
  })
  const prototype = net.Socket.prototype as unknown as { connect: (...args: unknown[]) => unknown }
  const original = prototype.connect
  prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    report.connects.push(describeTarget(args))
    return original.apply(this, args)
  }
  const onSocket = () => {
    report.channelSockets++
  }
  diagnosticsChannel.subscribe('net.client.socket', onSocket)

  const watch: NetworkWatch = {
    listening,
    async proveItSees() {
      await new Promise<void>((resolve) => {
        const socket = net.connect(PORT, HOST)
        socket.on('connect', () => socket.end())
        socket.on('close', () => resolve())
        socket.on('error', () => resolve())
      })
      if (listening) await new Promise((resolve) => setTimeout(resolve, 50))
      const saw =
        report.connects.length > 0 && report.channelSockets > 0 && (!listening || report.accepted > 0)
      if (!saw) throw new Error(`the network watch missed a deliberate connection: ${JSON.stringify(report)}`)
      watch.reset()
    },
    reset() {
      report.connects = []
      report.channelSockets = 0
      report.accepted = 0
    },
    report: () => ({ ...report, connects: [...report.connects] }),
    async stop() {
      prototype.connect = original
      diagnosticsChannel.unsubscribe('net.client.socket', onSocket)
      if (listening) await new Promise((resolve) => server.close(resolve))
    },
  }
  return watch
}
