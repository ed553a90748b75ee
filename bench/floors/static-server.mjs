// The floor of browser mode's start-up: a bare Node server that serves the built renderer's files,
// and nothing else, on 127.0.0.1. Prints its address the way `npm run serve` does.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'

const root = process.argv[2]
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' }

const server = createServer(async (request, response) => {
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
  const file = normalize(join(root, path === '/' ? 'index.html' : path))
  try {
    const body = await readFile(file.startsWith(root) ? file : join(root, 'index.html'))
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
    response.end(body)
  } catch {
    response.writeHead(404).end()
  }
})
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address()
  console.log(`http://127.0.0.1:${port}/?token=floor`)
})
