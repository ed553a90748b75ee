// Where the built app finds its parts: the renderer bundle and the bundled resources.
import { fileURLToPath } from 'node:url'

/** out/renderer, next to out/main where this file is bundled. */
export const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url))

/** resources/ at the project root (and in the packaged app next to out/). */
export const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url))

export const samplesDir = fileURLToPath(new URL('../../resources/samples', import.meta.url))
