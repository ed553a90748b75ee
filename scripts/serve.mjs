// npm run serve: browser mode. Builds when needed, then serves the app on 127.0.0.1 with a launch token.
import { fileURLToPath } from 'node:url'
import { buildIfNeeded } from './build-if-needed.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
buildIfNeeded(root)
await import(new URL('../out/main/serve.js', import.meta.url).href)
