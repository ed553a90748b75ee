// The entity chosen in the network: its type and mentions, its page, and whom it appears with.
import { ActionIcon, Button, Group, ScrollArea, Stack, Text, Title } from '@mantine/core'
import { IconArrowRight, IconX } from '@tabler/icons-react'
import type { NetworkEdge, NetworkNode } from './network-graph'
import { ConnectionList } from './ConnectionList'

interface NodeDetailsProps {
  node: NetworkNode
  edges: readonly NetworkEdge[]
  nodes: ReadonlyMap<string, NetworkNode>
  colorOf: (node: NetworkNode) => string
  onOpenPage: () => void
  onChooseEdge: (edge: NetworkEdge) => void
  onClose: () => void
}

export function NodeDetails({
  node,
  edges,
  nodes,
  colorOf,
  onOpenPage,
  onChooseEdge,
  onClose,
}: NodeDetailsProps) {
  const own = edges.filter((e) => e.source === node.id || e.target === node.id)
  return (
    <Stack gap="xs" h="100%" p="sm" data-testid="node-details">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Title order={5}>{node.name}</Title>
          <Text size="xs" c="dimmed">
            {node.customType?.name ?? node.type} · {node.mentions} mention{node.mentions === 1 ? '' : 's'}
          </Text>
        </div>
        <ActionIcon variant="subtle" color="gray" aria-label="Close" onClick={onClose}>
          <IconX size={16} />
        </ActionIcon>
      </Group>
      <Button size="xs" variant="light" rightSection={<IconArrowRight size={14} />} onClick={onOpenPage}>
        Open page
      </Button>
      <Text size="xs" fw={600} mt={4}>
        {own.length
          ? `Appears with ${own.length} of the entities shown`
          : 'Appears with none of the entities shown'}
      </Text>
      <ScrollArea flex={1} type="auto">
        <ConnectionList
          label={`Connections of ${node.name}`}
          edges={own}
          nodes={nodes}
          colorOf={colorOf}
          onChoose={onChooseEdge}
        />
      </ScrollArea>
    </Stack>
  )
}
