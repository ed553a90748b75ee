// The files and folders the analyst handed to the desktop app (the open dialog, a drop). Paths from the
// page are honoured only inside them, so a compromised page cannot make Dossier read any other file.
import { realpath } from 'node:fs/promises'
import { isAbsolute, sep } from 'node:path'
import { DossierError } from '../../../shared/errors'

function under(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)
}

export class PathGrants {
  /**
   * Granted paths as they really are (symlinks followed, `.` and `..` resolved, so both sides compare as
   * they are on disk); a grant still resolving is awaited by every check.
   */
  private readonly granted: Promise<string | undefined>[] = []
  private readonly seen = new Set<string>()

  /**
   * Records a path the analyst chose. Recorded at once, resolved in the background, so a call that
   * follows the grant (an import of the dropped file) always sees it.
   */
  grant(path: string): void {
    if (!isAbsolute(path) || this.seen.has(path)) return
    this.seen.add(path)
    this.granted.push(realpath(path).catch(() => undefined))
  }

  /**
   * The real path of `path` when it is, or is inside, a granted file or folder; else a `forbidden` error.
   * A symlink inside a granted folder that points out of it is refused, as is a `..` that leaves it.
   */
  async check(path: string): Promise<string> {
    const roots = (await Promise.all(this.granted)).filter((root): root is string => root !== undefined)
    let real: string | undefined
    try {
      real = isAbsolute(path) ? await realpath(path) : undefined
    } catch {
      // A path that does not exist is refused the same way: it reveals nothing about the disk.
      real = undefined
    }
    if (real !== undefined && roots.some((root) => under(real, root))) return real
    throw new DossierError(
      'forbidden',
      `Dossier reads only files you chose or dropped; ${baseName(path)} was not one of them. Choose it with Import files… or drop it on the window.`,
      baseName(path),
    )
  }
}

function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path
}
