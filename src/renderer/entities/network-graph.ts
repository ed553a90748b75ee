// What Cytoscape draws for a co-occurrence network: the elements (node size from mentions, edge width
// from co-occurrences), a deterministic starting place for every node, the stylesheet for the current
// colour scheme, and the layout, chosen by size so that a large graph still draws at once: above
// FORCE_LAYOUT_MAX_NODES the rings are placed here, so no layout runs in the page at all.
import type { ElementDefinition, LayoutOptions, StylesheetJson } from 'cytoscape'
import type { Network } from '../../shared/entities'

export type NetworkNode = Network['nodes'][number]
export type NetworkEdge = Network['edges'][number]

/** Colours and font read from the page, so that the canvas follows the Mantine theme and scheme. */
export interface NetworkPalette {
  font: string
  text: string
  /** The page background: the outline that keeps a label readable over edges. */
  background: string
  edge: string
  accent: string
  /** The colour of a node, by its type (or the analyst's own type). */
  nodeColor(node: NetworkNode): string
}

const MIN_NODE = 14
const MAX_NODE = 54
const MIN_EDGE = 1
const MAX_EDGE = 8
/**
 * Up to this many nodes, a circle by mentions: with so few, every name stays readable and none sits in
 * the middle of the others' labels, as a force layout puts a name everyone shares.
 */
const CIRCLE_MAX_NODES = 12
/** Up to this many nodes the force-directed layout (cose) runs; above it, rings by mentions. */
export const FORCE_LAYOUT_MAX_NODES = 100
const RING_SPACING = 110
/** Room between two nodes of the packed rings, beyond the largest node. */
const RING_NODE_SPACING = 12
/**
 * The most edges drawn, strongest first (the service sends them so). Past a thousand lines among 200
 * nodes the picture is a grey disc, and each thousand more costs the first frame hundreds of ms.
 */
export const MAX_DRAWN_EDGES = 1000

export const drawnEdges = (network: Network) => network.edges.slice(0, MAX_DRAWN_EDGES)

export const edgeId = (edge: { source: string; target: string }) => `${edge.source}|${edge.target}`

/** Ring of the node ranked `rank` (0 = most mentioned): one in the middle, then rings of 6, 12, 18… */
export function ringOf(rank: number): number {
  let ring = 0
  let seen = 1
  while (rank >= seen) seen += 6 * ++ring
  return ring
}

/** Square root scales: a node of 400 mentions should not dwarf everything else on the canvas. */
function scale(value: number, min: number, max: number, from: number, to: number): number {
  // All alike: the middle size, neither a dot nor a blot.
  if (max <= min) return (from + to) / 2
  return from + (to - from) * Math.sqrt((value - min) / (max - min))
}

/**
 * Where cose pulls every node to (its gravity centre) for a canvas of this size. Cytoscape 3.35 takes
 * half the height as x and half the width as y; rings started elsewhere are dragged there and crushed.
 */
export function coseCentre(width: number, height: number): { x: number; y: number } {
  return { x: height / 2, y: width / 2 }
}

/**
 * Rings by rank packed as tightly as the largest node allows, as Cytoscape's concentric layout packs
 * them (3.35, `avoidOverlap`, from the top, clockwise), placed here instead: run in the page, that
 * layout took a fifth of the time from the click to the graph painted for 200 nodes.
 */
export function packedRings(
  count: number,
  largest: number,
  centre = { x: 0, y: 0 },
): { x: number; y: number }[] {
  const minDist = largest + RING_NODE_SPACING
  const positions: { x: number; y: number }[] = []
  let r = 0
  for (let ring = 0, first = 0; first < count; ring++) {
    const size = Math.min(ring === 0 ? 1 : 6 * ring, count - first)
    const dTheta = (2 * Math.PI) / size
    if (size > 1) {
      const rMin = Math.sqrt((minDist * minDist) / ((Math.cos(dTheta) - 1) ** 2 + Math.sin(dTheta) ** 2))
      r = Math.max(rMin, r)
    }
    for (let j = 0; j < size; j++) {
      const theta = 1.5 * Math.PI + dTheta * j
      positions.push({ x: centre.x + r * Math.cos(theta), y: centre.y + r * Math.sin(theta) })
    }
    r += minDist
    first += size
  }
  return positions
}

export function networkElements(
  network: Network,
  palette: NetworkPalette,
  centre = { x: 0, y: 0 },
): ElementDefinition[] {
  const counts = network.nodes.map((n) => n.mentions)
  const [fewest, most] = [Math.min(...counts), Math.max(...counts)]
  const weights = network.edges.map((e) => e.weight)
  const [lightest, heaviest] = [Math.min(...weights), Math.max(...weights)]
  // The service lists nodes most mentioned first; the same order always gives the same picture.
  const perRing = new Map<number, number>()
  const sizes = network.nodes.map((node) => scale(node.mentions, fewest, most, MIN_NODE, MAX_NODE))
  const packed =
    network.nodes.length > FORCE_LAYOUT_MAX_NODES
      ? packedRings(sizes.length, Math.max(...sizes), centre)
      : undefined
  const nodes: ElementDefinition[] = network.nodes.map((node, rank) => {
    const ring = ringOf(rank)
    const slot = perRing.get(ring) ?? 0
    perRing.set(ring, slot + 1)
    const angle = ring === 0 ? 0 : (2 * Math.PI * slot) / (6 * ring) + ring * 0.5
    const size = sizes[rank]!
    return {
      group: 'nodes',
      data: {
        id: node.id,
        label: node.name,
        mentions: node.mentions,
        ring,
        size,
        // Small nodes get small labels, which Cytoscape hides first when the graph is zoomed out.
        fontSize: scale(node.mentions, fewest, most, 9, 15),
        color: palette.nodeColor(node),
      },
      position: packed?.[rank] ?? {
        x: centre.x + Math.cos(angle) * ring * RING_SPACING,
        y: centre.y + Math.sin(angle) * ring * RING_SPACING,
      },
    }
  })
  const edges: ElementDefinition[] = drawnEdges(network).map((edge) => ({
    group: 'edges',
    data: {
      id: edgeId(edge),
      source: edge.source,
      target: edge.target,
      weight: edge.weight,
      width: scale(edge.weight, lightest, heaviest, MIN_EDGE, MAX_EDGE),
    },
  }))
  return [...nodes, ...edges]
}

export function networkStyle(palette: NetworkPalette): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': 'data(color)',
        label: 'data(label)',
        'font-family': palette.font,
        'font-size': 'data(fontSize)',
        'font-weight': 500,
        color: palette.text,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': palette.background,
        'text-outline-width': 2,
        'text-wrap': 'ellipsis',
        'text-max-width': '160px',
        // A label drawn smaller than this on screen is left out: when zoomed out on a crowded graph,
        // only the large nodes keep their names.
        'min-zoomed-font-size': 8,
        'overlay-opacity': 0,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': palette.edge,
        opacity: 0.6,
        // Straight lines drawn in one pass: the cheapest edges for hundreds of connections.
        'curve-style': 'haystack',
        'haystack-radius': 0,
        'overlay-opacity': 0,
      },
    },
    {
      selector: 'node:selected',
      style: { 'border-width': 3, 'border-color': palette.accent, 'z-index': 10 },
    },
    {
      selector: 'edge:selected',
      style: { 'line-color': palette.accent, opacity: 1, 'z-index': 10 },
    },
    // Hovering or choosing a node brings out its connections and fades the rest.
    { selector: '.faded', style: { opacity: 0.15 } },
    { selector: 'edge.near', style: { opacity: 0.95, 'line-color': palette.accent } },
  ]
}

/** The layout to run once the elements are added; none above FORCE_LAYOUT_MAX_NODES (packedRings). */
export function networkLayout(nodeCount: number): LayoutOptions | undefined {
  // The view fits the graph itself once the layout is done (NetworkCanvas), with a cap on the zoom.
  const common = { animate: false, fit: false }
  if (nodeCount <= CIRCLE_MAX_NODES)
    return {
      name: 'circle',
      ...common,
      sort: (a, b) => (b.data('mentions') as number) - (a.data('mentions') as number),
      // A radius for the count, not for the labels' boxes, which Cytoscape would spread far apart.
      radius: 80 + 22 * nodeCount,
      avoidOverlap: false,
    }
  if (nodeCount <= FORCE_LAYOUT_MAX_NODES) {
    // From the rings set in networkElements, never from random places: the same network always
    // comes out the same. A quicker cooling than cose's default: the picture barely changes after.
    return {
      name: 'cose',
      ...common,
      randomize: false,
      initialTemp: 200,
      coolingFactor: 0.9,
      nodeRepulsion: () => 9000,
      idealEdgeLength: () => 110,
      nodeOverlap: 8,
      gravity: 1,
      componentSpacing: 60,
    }
  }
  return undefined
}
