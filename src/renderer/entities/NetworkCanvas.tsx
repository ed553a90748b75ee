// The network drawn by Cytoscape on a canvas. The counts and state it exposes (data-node-count,
// data-edge-count, data-state) are read back from the drawn graph, not from the data it was given.
// The canvas is made while the network is still on its way: Cytoscape's set-up and its first, empty
// frame overlap the service call, and a graph added to a renderer that has drawn once is painted
// element by element, its layered textures filled in the frames after (drawn into layers in the first
// frame, the same 200 nodes and 1,000 edges took that frame about a third longer).
import { ActionIcon, Box, Tooltip, useComputedColorScheme } from '@mantine/core'
import { IconFocusCentered } from '@tabler/icons-react'
import cytoscape, { type Core, type EdgeSingular } from 'cytoscape'
import { useEffect, useRef, useState } from 'react'
import type { Network } from '../../shared/entities'
import {
  coseCentre,
  networkElements,
  networkLayout,
  networkStyle,
  type NetworkPalette,
} from './network-graph'
import { readPalette } from './network-palette'

export type NetworkSelection = { kind: 'node'; id: string } | { kind: 'edge'; id: string } | null

interface NetworkCanvasProps {
  /** Undefined while it is being fetched: the canvas is ready and empty. */
  network: Network | undefined
  selection: NetworkSelection
  onSelect: (selection: NetworkSelection) => void
  /** Told once a frame shows this network. */
  onDrawn?: (network: Network) => void
}

interface Drawn {
  network: Network | undefined
  nodes: number
  edges: number
}

/** A fitted graph of a few nodes is not blown up past this: its labels would be huge and overlap. */
const MAX_FIT_ZOOM = 1.4
const FIT_PADDING = 36

function fitAll(cy: Core) {
  cy.fit(undefined, FIT_PADDING)
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM)
    cy.center()
  }
}

/** Fades everything but the chosen element and what touches it. */
function focusOn(cy: Core, id: string | undefined) {
  cy.batch(() => {
    // Only what carries the classes: touching every element restyles thousands of edges.
    cy.elements('.faded, .near').removeClass('faded near')
    if (id === undefined) return
    const element = cy.getElementById(id)
    if (element.empty()) return
    if (element.isNode()) {
      cy.elements().difference(element.closedNeighborhood()).addClass('faded')
      element.connectedEdges().addClass('near')
      return
    }
    const edge = element as unknown as EdgeSingular
    cy.elements().difference(edge.union(edge.connectedNodes())).addClass('faded')
  })
}

export function NetworkCanvas({ network, selection, onSelect, onDrawn }: NetworkCanvasProps) {
  const container = useRef<HTMLDivElement>(null)
  const cyRef = useRef<Core | null>(null)
  const onSelectRef = useRef(onSelect)
  const onDrawnRef = useRef(onDrawn)
  const selectionRef = useRef(selection)
  const networkRef = useRef(network)
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: false })
  const [drawn, setDrawn] = useState<Drawn | undefined>(undefined)
  const paletteRef = useRef<{ scheme: string; palette: NetworkPalette } | null>(null)

  useEffect(() => {
    onSelectRef.current = onSelect
    onDrawnRef.current = onDrawn
    selectionRef.current = selection
    networkRef.current = network
  })

  // One Cytoscape instance for the life of the view, destroyed with it (it holds canvases and listeners).
  useEffect(() => {
    const palette = readPalette(container.current!, scheme)
    paletteRef.current = { scheme, palette }
    // Styled from the start: a stylesheet set after the elements restyles every one of them.
    const cy = cytoscape({
      container: container.current,
      style: networkStyle(palette),
      minZoom: 0.08,
      maxZoom: 5,
      boxSelectionEnabled: false,
      selectionType: 'single',
    })
    cyRef.current = cy
    cy.on('tap', 'node', (event) => onSelectRef.current({ kind: 'node', id: event.target.id() as string }))
    cy.on('tap', 'edge', (event) => onSelectRef.current({ kind: 'edge', id: event.target.id() as string }))
    cy.on('tap', (event) => {
      if (event.target === cy) onSelectRef.current(null)
    })
    // Once the analyst pans or zooms, a resize keeps their view; until then the graph is refitted.
    let moved = false
    cy.on('dragpan scrollzoom pinchzoom', () => (moved = true))
    cy.on('layoutstop', () => (moved = false))
    const resized = new ResizeObserver(() => {
      cy.resize()
      if (!moved) fitAll(cy)
    })
    if (container.current) resized.observe(container.current)
    cy.on('mouseover', 'node', (event) => focusOn(cy, event.target.id() as string))
    cy.on('mouseout', 'node', () => focusOn(cy, selectionRef.current?.id))
    return () => {
      resized.disconnect()
      cyRef.current = null
      cy.destroy()
    }
    // The scheme is read for the first paint only; the effect below follows its changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // A new network: new elements and a new layout; the state says "drawn" once a frame shows it.
  useEffect(() => {
    const cy = cyRef.current
    const palette = paletteRef.current?.palette
    if (!cy || !palette || !network) return
    cy.batch(() => {
      cy.elements().remove()
      cy.add(networkElements(network, palette, coseCentre(cy.width(), cy.height())))
    })
    let live = true
    const placed = () => {
      if (!live) return
      fitAll(cy)
      focusOn(cy, selectionRef.current?.id)
      // Cytoscape paints in its own animation frame, queued before this one.
      requestAnimationFrame(() => {
        if (!live) return
        setDrawn({ network, nodes: cy.nodes().length, edges: cy.edges().length })
        onDrawnRef.current?.(network)
      })
    }
    const options = networkLayout(network.nodes.length)
    // A large network comes with its places (packed rings): nothing to lay out.
    const layout = options && cy.layout(options)
    if (layout) {
      layout.one('layoutstop', placed)
      layout.run()
    } else {
      // As after a layout: a resize refits the new graph until the analyst moves it.
      cy.emit('layoutstop')
      placed()
    }
    return () => {
      live = false
      layout?.stop()
    }
  }, [network])

  // Another colour scheme: the same graph restyled, where it is.
  useEffect(() => {
    const cy = cyRef.current
    if (!cy || !container.current || paletteRef.current?.scheme === scheme) return
    const palette = readPalette(container.current, scheme)
    paletteRef.current = { scheme, palette }
    const nodes = networkRef.current?.nodes ?? []
    cy.batch(() => {
      cy.style(networkStyle(palette))
      for (const node of nodes) cy.getElementById(node.id).data('color', palette.nodeColor(node))
    })
  }, [scheme])

  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    cy.batch(() => {
      cy.elements(':selected').unselect()
      if (selection) cy.getElementById(selection.id).select()
    })
    focusOn(cy, selection?.id)
  }, [selection, drawn])

  const current = network && drawn?.network === network ? drawn : undefined
  return (
    <Box pos="relative" h="100%" w="100%">
      <div
        ref={container}
        data-testid="network-canvas"
        data-state={current ? 'drawn' : 'drawing'}
        data-node-count={current?.nodes}
        data-edge-count={current?.edges}
        role="img"
        aria-label={
          network
            ? `Network of ${network.nodes.length} entities and ${network.edges.length} connections; the connections are listed beside it.`
            : 'Network, being drawn'
        }
        style={{ position: 'absolute', inset: 0 }}
      />
      <Tooltip label="Fit the whole network" position="left">
        <ActionIcon
          variant="default"
          pos="absolute"
          top={10}
          right={10}
          aria-label="Fit the whole network"
          onClick={() => cyRef.current && fitAll(cyRef.current)}
        >
          <IconFocusCentered size={16} />
        </ActionIcon>
      </Tooltip>
    </Box>
  )
}
