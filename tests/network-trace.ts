// Reads what `strace -f -e trace=connect,sendto,sendmsg,sendmmsg` saw a process tree do with sockets,
// so a test can tell a network connection (anything to an IP address) from local plumbing (D-Bus, netlink).
import { execFileSync } from 'node:child_process'
import { chmod, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export const STRACE_ARGS = ['-f', '-qq', '-s', '256', '-e', 'trace=connect,sendto,sendmsg,sendmmsg']

export interface SocketCall {
  pid: number
  call: string
  family: string
  /** "10.0.0.1:53", "[2001:db8::1]:443", a socket path, or the raw address text. */
  address: string
  line: string
}

export interface NetworkTrace {
  /** connect(), or a datagram sent, to an IPv4 or IPv6 address: traffic that could leave the machine. */
  network: SocketCall[]
  /** Everything else that named an address: Unix sockets (D-Bus, nscd), netlink queries to the kernel. */
  local: SocketCall[]
}

const CALL = /^(\d+)\s+(connect|sendto|sendmsg|sendmmsg)\((.*)$/
const FAMILY = /sa_family=(AF_[A-Z0-9]+)([^}]*)\}/

function addressOf(family: string, rest: string): string {
  const port = /htons\((\d+)\)/.exec(rest)?.[1]
  const v4 = /inet_addr\("([^"]+)"\)/.exec(rest)?.[1]
  if (v4) return `${v4}:${port}`
  const v6 = /inet_pton\(AF_INET6, "([^"]+)"/.exec(rest)?.[1]
  if (v6) return `[${v6}]:${port}`
  const path = /sun_path=(@?"[^"]*")/.exec(rest)?.[1]
  if (path) return path
  return `${family}${rest}`.trim()
}

/** Sorts each socket call strace logged by where it was going. Calls on an already connected socket
 * name no address and are covered by the connect() that opened it. */
export function readNetworkTrace(log: string): NetworkTrace {
  const trace: NetworkTrace = { network: [], local: [] }
  for (const line of log.split('\n')) {
    const call = CALL.exec(line)
    if (!call) continue
    const family = FAMILY.exec(call[3]!)
    if (!family) continue
    const entry: SocketCall = {
      pid: Number(call[1]),
      call: call[2]!,
      family: family[1]!,
      address: addressOf(family[1]!, family[2]!),
      line,
    }
    if (entry.family === 'AF_INET' || entry.family === 'AF_INET6') trace.network.push(entry)
    else trace.local.push(entry)
  }
  return trace
}

/** Chromium's IPv6 route check: a UDP connect() to Google's public DNS address that sends nothing. */
const IPV6_PROBE = '[2001:4860:4860::8888]:443'

/**
 * The calls a test must fail on. In a network namespace that is every one; without one (not Linux,
 * or not permitted on this machine) the requests Chromium still makes die at its resolver, and what
 * remains before them is its IPv6 route check, which is let through.
 */
export function connectionsThatCount(trace: NetworkTrace, namespaced: boolean): SocketCall[] {
  return namespaced
    ? trace.network
    : trace.network.filter((c) => c.call !== 'connect' || c.address !== IPV6_PROBE)
}

/** One line per distinct destination, with a count, for a readable failure message or report. */
export function summarize(calls: readonly SocketCall[]): string[] {
  const counts = new Map<string, number>()
  for (const c of calls) {
    const key = `${c.call} ${c.family} ${c.address}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts].map(([key, n]) => `${n}× ${key}`)
}

export function findStrace(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v strace'], { encoding: 'utf8' }).trim() || undefined
  } catch {
    return undefined
  }
}

/** A stand-in browser that runs the real one under strace, for DOSSIER_CHROMIUM. */
export async function writeTracingChromium(
  dir: string,
  strace: string,
  chromium: string,
  log: string,
): Promise<string> {
  const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`
  const script = join(dir, 'traced-chromium')
  const argv = [strace, ...STRACE_ARGS, '-o', log, chromium].map(quote).join(' ')
  await writeFile(script, `#!/bin/sh\nexec ${argv} "$@"\n`)
  await chmod(script, 0o755)
  return script
}
