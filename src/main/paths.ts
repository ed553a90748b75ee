// Where the built app finds its parts, from the URL of the entry file in out/main/ (index.js or serve.js).
// Taken from the entry, not from this module, because the bundler may place this module in a chunk.
import { fileURLToPath } from 'node:url'

export interface AppPaths {
  /** out/renderer: the built UI. */
  rendererDir: string
  /** out/preload/index.cjs */
  preloadFile: string
  /** resources/ at the project root (and in the packaged app next to out/). */
  resourcesDir: string
  samplesDir: string
}

export function appPaths(entryUrl: string): AppPaths {
  const at = (relative: string) => fileURLToPath(new URL(relative, entryUrl))
  return {
    rendererDir: at('../renderer'),
    preloadFile: at('../preload/index.cjs'),
    resourcesDir: at('../../resources'),
    samplesDir: at('../../resources/samples'),
  }
}
