// On Linux, a process can be started in a network namespace of its own: no interface is up there,
// not even loopback, so nothing it tries can leave. Used where the system allows it, skipped otherwise.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'

const UNSHARE_PATHS = ['/usr/bin/unshare', '/bin/unshare']

/**
 * `--map-current-user` keeps the caller's own user id inside (util-linux 2.38 and later), so Chromium
 * keeps its sandbox; an older unshare, a kernel or policy that forbids unprivileged user namespaces
 * (Ubuntu's AppArmor restriction, a container's seccomp profile) fails the probe instead.
 */
const UNSHARE_ARGS = ['--net', '--map-current-user', '--']

export interface NamespaceLauncher {
  /** The program to start instead of the target, and the arguments that come before the target. */
  command: string
  args: string[]
}

function probe(command: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(command, [...UNSHARE_ARGS, 'true'], { timeout: 5_000 }, (error) => resolve(!error))
  })
}

/** How to start a program without a network, or undefined where this machine does not permit it. */
export async function findNetworkNamespace(
  platform: NodeJS.Platform = process.platform,
): Promise<NamespaceLauncher | undefined> {
  if (platform !== 'linux') return undefined
  const command = UNSHARE_PATHS.find((path) => existsSync(path))
  if (!command || !(await probe(command))) return undefined
  return { command, args: UNSHARE_ARGS }
}
