// The "Keyboard shortcuts" help, opened with "?".
import { Fragment } from 'react'
import { Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { KeyCombo } from './KeyCombo'
import { shortcutGroups } from './shortcuts'

interface ShortcutsModalProps {
  opened: boolean
  onClose: () => void
}

export function ShortcutsModal({ opened, onClose }: ShortcutsModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Keyboard shortcuts"
      size={880}
      closeButtonProps={{ 'aria-label': 'Close' }}
      styles={{ title: { fontWeight: 650 } }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={40} verticalSpacing="lg">
        {shortcutGroups.map((group) => (
          <Stack key={group.title} gap={8}>
            <Title order={3} size="xs" c="dimmed" tt="uppercase" style={{ letterSpacing: '0.05em' }}>
              {group.title}
            </Title>
            {group.shortcuts.map((shortcut) => (
              <Group key={shortcut.action} justify="space-between" wrap="nowrap" gap="md" align="flex-start">
                <Text size="sm">{shortcut.action}</Text>
                <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                  {shortcut.keys.map((combo, i) => (
                    <Fragment key={combo.join('+')}>
                      {i > 0 && (
                        <Text span size="xs" c="dimmed">
                          or
                        </Text>
                      )}
                      <KeyCombo keys={combo} size="xs" />
                    </Fragment>
                  ))}
                </Group>
              </Group>
            ))}
          </Stack>
        ))}
      </SimpleGrid>
    </Modal>
  )
}
