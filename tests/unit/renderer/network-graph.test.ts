// The network's drawing: nodes start in rings by rank (so the same network is always drawn the same),
// sizes and widths grow with mentions and co-occurrences, the strongest edges are the ones drawn, and a
// passage's marks cut its text where the names are.
import { describe, expect, it } from 'vitest'
import type { Network } from '../../../src/shared/entities'
import {
  MAX_DRAWN_EDGES,
  networkElements,
  networkLayout,
  packedRings,
  ringOf,
  type NetworkPalette,
} from '../../../src/renderer/entities/network-graph'
import { passagePieces } from '../../../src/renderer/entities/passage-pieces'

const palette: NetworkPalette = {
  font: 'sans-serif',
  text: '#000',
  background: '#fff',
  edge: '#999',
  accent: '#33f',
  nodeColor: (node) => node.customType?.color ?? `colour of ${node.type}`,
}

function network(nodes: number, edges: number): Network {
  const ids = Array.from({ length: nodes }, (_, i) => `n${i}`)
  const out: Network = {
    nodes: ids.map((id, i) => ({ id, name: `Entity ${i}`, type: 'Person', mentions: 1000 - i })),
    edges: [],
  }
  for (let a = 0; a < nodes && out.edges.length < edges; a++)
    for (let b = a + 1; b < nodes && out.edges.length < edges; b++)
      out.edges.push({ source: ids[a]!, target: ids[b]!, weight: 5000 - out.edges.length })
  return out
}

const nodesOf = (elements: ReturnType<typeof networkElements>) => elements.filter((e) => e.group === 'nodes')
const edgesOf = (elements: ReturnType<typeof networkElements>) => elements.filter((e) => e.group === 'edges')

describe('network drawing', () => {
  it('puts one node in the middle, then rings of 6, 12, 18', () => {
    expect([0, 1, 6, 7, 18, 19, 36, 37].map(ringOf)).toEqual([0, 1, 1, 2, 2, 3, 3, 4])
  })

  it('starts every node at its own place, the same each time', () => {
    const net = network(60, 100)
    const first = nodesOf(networkElements(net, palette)).map((n) => n.position)
    const again = nodesOf(networkElements(net, palette)).map((n) => n.position)
    expect(again).toEqual(first)
    const places = new Set(first.map((p) => `${p!.x.toFixed(3)},${p!.y.toFixed(3)}`))
    expect(places.size).toBe(60)
  })

  it('sizes nodes by mentions and edges by weight, and colours nodes by type', () => {
    const net = network(3, 3)
    net.nodes[2]!.customType = {
      id: 'own',
      name: 'Head of state',
      color: '#aa3300',
      createdAt: '2024-01-01T00:00:00.000Z',
    }
    const elements = networkElements(net, palette)
    const sizes = nodesOf(elements).map((n) => n.data.size as number)
    expect(sizes[0]).toBeGreaterThan(sizes[1]!)
    expect(sizes[1]).toBeGreaterThan(sizes[2]!)
    const widths = edgesOf(elements).map((e) => e.data.width as number)
    expect(widths[0]).toBeGreaterThan(widths[2]!)
    expect(nodesOf(elements).map((n) => n.data.color)).toEqual([
      'colour of Person',
      'colour of Person',
      '#aa3300',
    ])
  })

  it('gives alike nodes a middle size, not the smallest', () => {
    const net = network(3, 0)
    for (const node of net.nodes) node.mentions = 2
    const sizes = nodesOf(networkElements(net, palette)).map((n) => n.data.size as number)
    expect(new Set(sizes).size).toBe(1)
    expect(sizes[0]).toBeGreaterThan(20)
  })

  it('draws the strongest edges only, past the most it draws', () => {
    const net = network(200, MAX_DRAWN_EDGES + 500)
    const edges = edgesOf(networkElements(net, palette))
    expect(edges).toHaveLength(MAX_DRAWN_EDGES)
    const lightestDrawn = Math.min(...edges.map((e) => e.data.weight as number))
    expect(lightestDrawn).toBe(net.edges[MAX_DRAWN_EDGES - 1]!.weight)
  })

  it('lays out small graphs by force from the rings, and large ones in rings at once', () => {
    expect(networkLayout(6)).toMatchObject({ name: 'circle', animate: false })
    expect(networkLayout(13)).toMatchObject({ name: 'cose', randomize: false, animate: false })
    expect(networkLayout(100)).toMatchObject({ name: 'cose', randomize: false, animate: false })
    expect(networkLayout(101)).toBeUndefined()
  })
})

describe('passage pieces', () => {
  it('cuts the text at the marks, the first of two overlapping tags winning', () => {
    const text = 'The North Korean leader Kim Jong Un met Putin.'
    const at = (words: string) => text.indexOf(words)
    const pieces = passagePieces({
      articleId: 'a',
      title: 't',
      start: 0,
      end: text.length,
      text,
      marks: [
        { entityId: 'korea', start: at('North Korea'), end: at('North Korea') + 11 },
        { entityId: 'other', start: at('Korean'), end: at('Korean') + 6 },
        { entityId: 'kim', start: at('Kim Jong Un'), end: at('Kim Jong Un') + 11 },
      ],
    })
    expect(pieces.map((p) => p.text).join('')).toBe(text)
    expect(pieces.filter((p) => p.entityId)).toEqual([
      { text: 'North Korea', entityId: 'korea' },
      { text: 'Kim Jong Un', entityId: 'kim' },
    ])
  })
})

describe('packed rings (the places of a network too large for a layout in the page)', () => {
  it('keeps every two nodes at least the largest node and its spacing apart, the first in the middle', () => {
    const places = packedRings(200, 54)
    expect(places).toHaveLength(200)
    expect(places[0]).toEqual({ x: 0, y: 0 })
    let closest = Infinity
    for (let a = 0; a < places.length; a++)
      for (let b = a + 1; b < places.length; b++)
        closest = Math.min(closest, Math.hypot(places[a]!.x - places[b]!.x, places[a]!.y - places[b]!.y))
    expect(closest).toBeGreaterThanOrEqual(54 + 12 - 1e-6)
  })

  it('gives a network of more than 100 nodes its places, the same every time', () => {
    const net = network(150, 300)
    const first = nodesOf(networkElements(net, palette)).map((n) => n.position)
    expect(first.slice(0, 3)).toEqual(packedRings(150, 54).slice(0, 3))
    expect(nodesOf(networkElements(net, palette)).map((n) => n.position)).toEqual(first)
  })
})
