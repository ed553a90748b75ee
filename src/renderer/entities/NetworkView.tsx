// Connections: the co-occurrence network of the most mentioned entities, with its filters, the edges
// listed beside the canvas, and a side panel for the entity or the edge chosen.
import { Box, Divider, Group, Loader, Paper, Stack, Text } from '@mantine/core'
import { startTransition, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Network, NetworkQuery } from '../../shared/entities'
import type { Case } from '../../shared/model'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'
import { entityCssColor } from '../reader/annotation-colors'
import { ConnectionList } from './ConnectionList'
import { EdgePassages } from './EdgePassages'
import { NetworkCanvas, type NetworkSelection } from './NetworkCanvas'
import { NetworkControls } from './NetworkControls'
import { edgeId, MAX_DRAWN_EDGES, type NetworkNode } from './network-graph'
import classes from './NetworkView.module.css'
import { NodeDetails } from './NodeDetails'

interface NetworkViewProps {
  /** The Entities header (title, List/Network switch, export), shown atop the controls. */
  header: ReactNode
  query: NetworkQuery
  onQueryChange: (query: NetworkQuery) => void
  onOpenEntity: (id: string) => void
  onOpenPassage: (articleId: string, range: { start: number; end: number }) => void
}

/** The colour of a node's type in the page's CSS (the canvas resolves the same variables itself). */
const cssColorOf = (node: NetworkNode) => node.customType?.color ?? entityCssColor(node.type)

const filtered = (query: NetworkQuery) => !!(query.types?.length || query.caseId || query.published)

function EmptyNetwork({ query }: { query: NetworkQuery }) {
  return (
    <Stack align="center" justify="center" h="100%" p="xl" gap={6} data-testid="network-empty">
      <Text fw={600}>{filtered(query) ? 'No entity here' : 'No connections to draw yet'}</Text>
      <Text size="sm" c="dimmed" ta="center" maw={460}>
        {filtered(query)
          ? 'No tagged entity is in the articles these filters keep. Widen the types, the case or the dates.'
          : 'Tag the people, organisations and places in at least two articles (select a name and press T). Entities named in the same paragraph or article are linked here.'}
      </Text>
    </Stack>
  )
}

export function NetworkView({ header, query, onQueryChange, onOpenEntity, onOpenPassage }: NetworkViewProps) {
  const [answer, setAnswer] = useState<{ query: NetworkQuery; network: Network } | undefined>(undefined)
  const [cases, setCases] = useState<Case[]>([])
  const [selection, setSelection] = useState<NetworkSelection>(null)
  // The connections listed are those of the network last drawn: the graph is painted first, and a
  // network on its way leaves the list as it was.
  const [drawn, setDrawn] = useState<Network | undefined>(undefined)

  useEffect(() => {
    let live = true
    dossier.cases.list().then(
      (list) => live && setCases(list),
      (error: unknown) => notifyError(error, 'Could not list the cases'),
    )
    return () => {
      live = false
    }
  }, [])

  useEffect(() => {
    let live = true
    dossier.entities.network(query).then(
      (network) => {
        if (!live) return
        setAnswer({ query, network })
        // A choice that is no longer drawn is dropped with the old network.
        setSelection((current) => {
          if (!current) return current
          const ids =
            current.kind === 'node' ? network.nodes.map((n) => n.id) : network.edges.map((e) => edgeId(e))
          return ids.includes(current.id) ? current : null
        })
      },
      (error: unknown) => notifyError(error, 'Could not draw the network'),
    )
    return () => {
      live = false
    }
  }, [query])

  const network = answer?.network
  const nodes = useMemo(() => new Map(network?.nodes.map((n) => [n.id, n])), [network])
  const listed = network?.nodes.length === 0 ? undefined : drawn
  const listedNodes = useMemo(() => new Map(listed?.nodes.map((n) => [n.id, n])), [listed])
  const stale = answer !== undefined && answer.query !== query
  const chosenNode = selection?.kind === 'node' ? nodes.get(selection.id) : undefined
  const chosenEdge =
    selection?.kind === 'edge' ? network?.edges.find((e) => edgeId(e) === selection.id) : undefined

  return (
    <Group align="stretch" gap={0} wrap="nowrap" h="calc(100dvh - 56px)" data-testid="network-view">
      <Stack w={320} gap="xs" p="sm" className={classes.column}>
        {header}
        <NetworkControls query={query} cases={cases} onChange={onQueryChange} />
        <Divider />
        <Group justify="space-between">
          <Text size="xs" fw={600}>
            Connections{network ? ` (${network.edges.length})` : ''}
          </Text>
          {network && (
            <Text size="xs" c="dimmed">
              {network.nodes.length} entities
            </Text>
          )}
        </Group>
        {/* A plain scroller: Mantine's measures its content on every resize, a reflow of every row. */}
        <div className={classes.scroller}>
          {listed && (
            <ConnectionList
              label="Connections"
              edges={listed.edges}
              nodes={listedNodes}
              colorOf={cssColorOf}
              activeId={chosenEdge ? selection?.id : undefined}
              onChoose={(edge) => setSelection({ kind: 'edge', id: edgeId(edge) })}
            />
          )}
        </div>
      </Stack>
      <Box flex={1} className={classes.canvas} aria-busy={stale || !network}>
        {network?.nodes.length === 0 ? (
          <EmptyNetwork query={query} />
        ) : (
          <>
            {!network && (
              <Stack align="center" justify="center" h="100%" className={classes.loading}>
                <Loader size="sm" />
              </Stack>
            )}
            {network && network.edges.length > MAX_DRAWN_EDGES && (
              <Paper
                withBorder
                shadow="xs"
                px="xs"
                py={6}
                className={classes.footnote}
                data-testid="network-cut"
              >
                <Text size="xs">
                  The {MAX_DRAWN_EDGES.toLocaleString('en')} strongest of{' '}
                  {network.edges.length.toLocaleString('en')} connections are drawn. Raise “Together at least”
                  for fewer, stronger ones.
                </Text>
              </Paper>
            )}
            {network?.edges.length === 0 && (
              <Paper withBorder shadow="xs" p="xs" className={classes.notice} data-testid="network-no-edges">
                <Text size="sm">
                  No two of these entities are named in the same {query.scope} {query.threshold} time
                  {query.threshold === 1 ? '' : 's'} or more.{' '}
                  {query.threshold > 1 ? 'Lower “Together at least”, ' : ''}
                  {query.scope === 'paragraph' ? 'choose “Same article”, ' : ''}or tag entities in more
                  articles.
                </Text>
              </Paper>
            )}
            <NetworkCanvas
              network={network}
              selection={selection}
              onSelect={setSelection}
              // Not urgent: the canvas says it is drawn without waiting for the list's rows.
              onDrawn={(drawnNetwork) => startTransition(() => setDrawn(drawnNetwork))}
            />
          </>
        )}
      </Box>
      {(chosenNode || chosenEdge) && (
        <Box w={360} className={classes.side}>
          {chosenEdge ? (
            <EdgePassages
              key={selection?.id}
              edge={chosenEdge}
              nodes={nodes}
              query={answer!.query}
              colorOf={cssColorOf}
              onOpenPassage={onOpenPassage}
              onChooseNode={(id) => setSelection({ kind: 'node', id })}
              onClose={() => setSelection(null)}
            />
          ) : (
            <NodeDetails
              node={chosenNode!}
              edges={network!.edges}
              nodes={nodes}
              colorOf={cssColorOf}
              onOpenPage={() => onOpenEntity(chosenNode!.id)}
              onChooseEdge={(edge) => setSelection({ kind: 'edge', id: edgeId(edge) })}
              onClose={() => setSelection(null)}
            />
          )}
        </Box>
      )}
    </Group>
  )
}
