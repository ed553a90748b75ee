// The network's edges as a list beside the canvas, strongest first: what a keyboard or a screen reader
// reaches instead of the drawing, and the same choice of an edge as a click on it.
import { Text } from '@mantine/core'
import { edgeId, type NetworkEdge, type NetworkNode } from './network-graph'
import classes from './NetworkView.module.css'

/** The most rows listed; past it the list says how many are left out and how to see fewer. */
export const CONNECTIONS_LISTED = 300

interface ConnectionListProps {
  label: string
  edges: readonly NetworkEdge[]
  nodes: ReadonlyMap<string, NetworkNode>
  colorOf: (node: NetworkNode) => string
  activeId?: string | undefined
  onChoose: (edge: NetworkEdge) => void
}

export function ConnectionList({ label, edges, nodes, colorOf, activeId, onChoose }: ConnectionListProps) {
  const listed = edges.slice(0, CONNECTIONS_LISTED)
  return (
    <>
      <ul role="list" aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {listed.map((edge) => {
          const a = nodes.get(edge.source)
          const b = nodes.get(edge.target)
          if (!a || !b) return null
          const id = edgeId(edge)
          return (
            // Plain elements: hundreds of rows render with the network, and Mantine's cost per row adds up.
            <li key={id}>
              <button
                type="button"
                className={classes.connection}
                data-active={id === activeId || undefined}
                aria-label={`${a.name} and ${b.name}, together ${edge.weight} time${edge.weight === 1 ? '' : 's'}`}
                onClick={() => onChoose(edge)}
              >
                <span className={classes.pair}>
                  <span className={classes.swatch} style={{ background: colorOf(a) }} /> {a.name}
                  {' — '}
                  <span className={classes.swatch} style={{ background: colorOf(b) }} /> {b.name}
                </span>
                <span className={classes.weight}>{edge.weight}×</span>
              </button>
            </li>
          )
        })}
      </ul>
      {edges.length > listed.length && (
        <Text size="xs" c="dimmed" p={6}>
          {edges.length - listed.length} weaker connections are drawn but not listed: raise “Together at
          least” to list them all.
        </Text>
      )}
    </>
  )
}
