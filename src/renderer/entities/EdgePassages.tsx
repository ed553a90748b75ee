// The passages behind one edge of the network: where both entities appear, each with its article and
// date, both names emphasised in their colours, each opening its passage in the reader.
import {
  ActionIcon,
  Anchor,
  Group,
  Loader,
  ScrollArea,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { IconX } from '@tabler/icons-react'
import { Fragment, useEffect, useState } from 'react'
import type { NetworkQuery, SharedPassage } from '../../shared/entities'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'
import { formatPublished } from '../library/article-format'
import type { NetworkEdge, NetworkNode } from './network-graph'
import classes from './NetworkView.module.css'
import { passagePieces } from './passage-pieces'

/** Most passages listed under one edge; the count in the heading says when there are more. */
const PASSAGES_SHOWN = 200

interface EdgePassagesProps {
  edge: NetworkEdge
  nodes: ReadonlyMap<string, NetworkNode>
  query: NetworkQuery
  colorOf: (node: NetworkNode) => string
  onOpenPassage: (articleId: string, range: { start: number; end: number }) => void
  onChooseNode: (id: string) => void
  onClose: () => void
}

export function EdgePassages(props: EdgePassagesProps) {
  const { edge, nodes, query, colorOf, onOpenPassage, onChooseNode, onClose } = props
  const [passages, setPassages] = useState<{ key: string; list: SharedPassage[] } | undefined>(undefined)
  const a = nodes.get(edge.source)
  const b = nodes.get(edge.target)
  const key = `${edge.source}|${edge.target}|${JSON.stringify(query)}`

  useEffect(() => {
    let live = true
    dossier.entities
      .passages({
        a: edge.source,
        b: edge.target,
        scope: query.scope,
        limit: PASSAGES_SHOWN,
        ...(query.caseId ? { caseId: query.caseId } : {}),
        ...(query.published ? { published: query.published } : {}),
      })
      .then(
        (list) => live && setPassages({ key, list }),
        (error: unknown) => notifyError(error, 'Could not list the passages where both appear'),
      )
    return () => {
      live = false
    }
  }, [edge.source, edge.target, query, key])

  const shown = passages?.key === key ? passages.list : undefined
  const where = query.scope === 'paragraph' ? 'paragraph' : 'article'
  return (
    <Stack gap="xs" h="100%" p="sm" data-testid="edge-passages">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Title order={5}>
            {[a, b].map((node, i) => (
              <Fragment key={node?.id ?? i}>
                {i > 0 && ' and '}
                <Anchor
                  component="button"
                  inherit
                  c="inherit"
                  underline="hover"
                  title={node && `${node.name}: its connections and page`}
                  onClick={() => node && onChooseNode(node.id)}
                >
                  {node?.name ?? '?'}
                </Anchor>
              </Fragment>
            ))}
          </Title>
          <Text size="xs" c="dimmed">
            Together in {edge.weight} {where}
            {edge.weight === 1 ? '' : 's'}
            {edge.weight > PASSAGES_SHOWN && `, the latest ${PASSAGES_SHOWN} listed`}
          </Text>
        </div>
        <ActionIcon variant="subtle" color="gray" aria-label="Close the passages" onClick={onClose}>
          <IconX size={16} />
        </ActionIcon>
      </Group>
      {!shown && <Loader size="sm" />}
      {shown?.length === 0 && (
        <Text size="sm" c="dimmed">
          No passage could be read: the articles may have been changed or removed since the network was drawn.
        </Text>
      )}
      <ScrollArea flex={1} type="auto">
        <Stack gap={6} role="list" aria-label="Passages where both appear">
          {shown?.map((passage) => (
            <UnstyledButton
              key={`${passage.articleId}:${passage.start}`}
              role="listitem"
              className={classes.passage}
              onClick={() => onOpenPassage(passage.articleId, { start: passage.start, end: passage.end })}
            >
              <Text size="xs" fw={600} truncate="end">
                {passage.title}
              </Text>
              <Text size="xs" c="dimmed">
                {formatPublished(passage.published) ?? 'No published date'}
              </Text>
              <Text size="sm" mt={4} className={classes.passageText}>
                {passagePieces(passage).map((piece, i) => {
                  const node = piece.entityId ? nodes.get(piece.entityId) : undefined
                  return node ? (
                    <strong key={i} className={classes.name} style={{ borderColor: colorOf(node) }}>
                      {piece.text}
                    </strong>
                  ) : (
                    <Fragment key={i}>{piece.text}</Fragment>
                  )
                })}
              </Text>
            </UnstyledButton>
          ))}
        </Stack>
      </ScrollArea>
    </Stack>
  )
}
