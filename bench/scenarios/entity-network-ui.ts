// The entity network in the real UI: the 5,000-article, 50,000-mention workspace in browser mode, in the
// system Chromium. Times the click on "Network" until the graph of the 200 most mentioned entities is
// drawn (Cytoscape's layout done and the next frame painted), and, as its floor, the service call the
// view makes, timed in the same page.
import type { Page } from 'playwright-core'
import { DEFAULT_NETWORK_QUERY } from '../../src/shared/entities'
import { buildIfNeeded, launchChromium, startServer } from '../lib/browser-mode'
import { ARTICLES, MENTIONS, writeEntityWorkspace } from '../lib/entity-workspace'
import { benchFolder } from '../lib/generate-workspace'
import type { Figure, Scenario } from '../lib/scenario'
import { summarize } from '../lib/stats'

const RUNS = 12
const VIEWPORT = { width: 1440, height: 900 }

/**
 * Arms the timing of one opening (run in the page as a string: its CSP allows no eval, the DevTools
 * protocol does): from the pointer going down on "Network" to the frame after the one in which the
 * canvas says its graph is drawn.
 */
const ARM_NETWORK = `(() => {
  const state = { start: 0, painted: 0, nodes: 0, edges: 0 };
  let done;
  state.done = new Promise((resolve) => (done = resolve));
  globalThis.__network = state;
  window.addEventListener('pointerdown', () => {
    state.start = performance.now();
    const tick = () => requestAnimationFrame(() => {
      const canvas = document.querySelector('[data-testid="network-canvas"][data-state="drawn"]');
      if (canvas) {
        state.nodes = Number(canvas.dataset.nodeCount);
        state.edges = Number(canvas.dataset.edgeCount);
        requestAnimationFrame(() => { state.painted = performance.now(); done() });
      } else if (performance.now() - state.start < 30000) tick();
      else done();
    });
    tick();
  }, { capture: true, once: true });
})()`

/** The service call alone, as the page makes it (HTTP, JSON parse), timed in the page. */
const SERVICE_CALL = `(async () => {
  const start = performance.now();
  const response = await fetch('/api/entities.network', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Dossier-Token': localStorage.getItem('dossier.token') },
    body: ${JSON.stringify(JSON.stringify(DEFAULT_NETWORK_QUERY))},
  });
  const reply = await response.json();
  if (!reply.ok) throw new Error(reply.error.message);
  return { ms: performance.now() - start, edges: reply.result.edges.length };
})()`

interface Opening {
  ms: number
  nodes: number
  edges: number
}

async function openNetwork(page: Page): Promise<Opening> {
  await page.evaluate(ARM_NETWORK)
  await page.getByRole('radiogroup', { name: 'Show entities as' }).getByText('Network').click()
  await page.evaluate('globalThis.__network.done')
  const state = (await page.evaluate(
    '(() => { const { start, painted, nodes, edges } = globalThis.__network; return { start, painted, nodes, edges } })()',
  )) as {
    start: number
    painted: number
    nodes: number
    edges: number
  }
  if (!state.painted) throw new Error('the network was not drawn within 30 s')
  return { ms: state.painted - state.start, nodes: state.nodes, edges: state.edges }
}

export const entityNetworkUiScenario: Scenario = {
  name: 'entity network UI (browser mode, 5,000 articles, 50,000 mentions)',
  async run(log) {
    buildIfNeeded(log)
    const folder = await benchFolder('entity-network')
    try {
      await writeEntityWorkspace(folder.dir)
      log(`wrote ${ARTICLES} articles with ${MENTIONS} mentions`)
      const server = await startServer(folder.dir)
      const browser = await launchChromium()
      try {
        // The first call reads every article into the entity index; the openings timed come after.
        const started = performance.now()
        await server.call('entities.index', { limit: 1 })
        log(`entity index built in ${(performance.now() - started).toFixed(0)} ms`)

        const context = await browser.newContext({ viewport: VIEWPORT })
        const page = await context.newPage()
        await page.goto(server.url)
        await page.getByRole('radiogroup', { name: 'View' }).getByText('Entities').click()
        await page.getByRole('list', { name: 'Entities' }).getByRole('listitem').first().waitFor()

        const openings: Opening[] = []
        // One opening untimed: the first loads Cytoscape's code paths and the page's fonts.
        for (let i = 0; i <= RUNS; i++) {
          const opening = await openNetwork(page)
          if (i > 0) openings.push(opening)
          await page.getByRole('radiogroup', { name: 'Show entities as' }).getByText('List').click()
          await page.getByTestId('entities-view').waitFor()
        }
        const { nodes, edges } = openings[0]!
        if (nodes !== DEFAULT_NETWORK_QUERY.limit) throw new Error(`the network drew ${nodes} nodes, not 200`)
        log(`network: ${nodes} nodes, ${edges} edges; ${openings.map((o) => o.ms.toFixed(0)).join(', ')} ms`)

        const calls: number[] = []
        let networkEdges = 0
        for (let i = 0; i < RUNS; i++) {
          const call = (await page.evaluate(SERVICE_CALL)) as { ms: number; edges: number }
          calls.push(call.ms)
          networkEdges = call.edges
        }
        await context.close()

        const drawn = summarize(openings.map((o) => o.ms))
        const call = summarize(calls)
        const figures: Figure[] = [
          {
            name: 'click "Network" → 200 entities drawn and painted',
            unit: 'ms',
            values: { p50: drawn.p50, p95: drawn.p95 },
            target: { stat: 'p95', below: 500, source: 'product issue' },
            samples: openings.map((o) => o.ms),
          },
          {
            name: 'floor: the entities.network call alone, from the page',
            unit: 'ms',
            values: { p50: call.p50, p95: call.p95 },
            samples: calls,
          },
        ]
        return {
          figures,
          facts: {
            articles: ARTICLES,
            mentions: MENTIONS,
            nodes,
            'edges in the network': networkEdges,
            'edges drawn': edges,
            viewport: '1440×900',
          },
        }
      } finally {
        await browser.close()
        await server.stop()
      }
    } finally {
      await folder.remove()
    }
  },
}
