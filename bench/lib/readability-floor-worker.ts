// Runs in a worker thread: bare Mozilla Readability on a page parsed by plain linkedom or by jsdom,
// the floors the HTML import is measured against. A thread of its own, because Dossier's import
// loads linkedom/cached, which patches linkedom's classes for the whole thread it runs in.
import { parentPort } from 'node:worker_threads'
import { Readability } from '@mozilla/readability'
import { JSDOM, VirtualConsole } from 'jsdom'
import { parseHTML } from 'linkedom'

export type FloorDom = 'linkedom' | 'jsdom'

export interface FloorJob {
  id: number
  html: string
  dom: FloorDom
}

function parse(job: FloorJob): void {
  if (job.dom === 'linkedom') {
    new Readability(parseHTML(job.html).document).parse()
    return
  }
  const dom = new JSDOM(job.html, { url: 'https://dossier.invalid/', virtualConsole: new VirtualConsole() })
  new Readability(dom.window.document).parse()
  dom.window.close()
}

parentPort?.on('message', (job: FloorJob) => {
  const start = performance.now()
  parse(job)
  parentPort?.postMessage({ id: job.id, ms: performance.now() - start })
})
