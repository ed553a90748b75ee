// Managing the cases and saved searches of the workspace: rename or delete a case (its articles stay
// in the library, out of the case), delete a saved search.
import { ActionIcon, Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import type { Case, SavedSearch } from '../../shared/library'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'

interface CasesModalProps {
  opened: boolean
  cases: Case[]
  searches: SavedSearch[]
  onClose: () => void
  /** Something changed: the lists and the library are read again. */
  onChanged: () => void
}

export function CasesModal({ opened, cases, searches, onClose, onChanged }: CasesModalProps) {
  const [names, setNames] = useState<Record<string, string>>({})

  async function run(work: () => Promise<unknown>, failure: string) {
    try {
      await work()
      onChanged()
    } catch (error) {
      notifyError(error, failure)
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Cases and saved searches"
      size="md"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="md">
        <div>
          <Title order={5} mb={6}>
            Cases
          </Title>
          {cases.length === 0 && (
            <Text size="sm" c="dimmed">
              No cases yet. Choose articles in the library, then Case → New case….
            </Text>
          )}
          <Stack gap={6}>
            {cases.map((c) => {
              const name = names[c.id] ?? c.name
              return (
                <Group key={c.id} gap={6} wrap="nowrap">
                  <TextInput
                    size="xs"
                    flex={1}
                    aria-label={`Name of the case ${c.name}`}
                    value={name}
                    maxLength={200}
                    onChange={(e) => setNames({ ...names, [c.id]: e.currentTarget.value })}
                  />
                  <Button
                    size="compact-xs"
                    variant="light"
                    disabled={!name.trim() || name.trim() === c.name}
                    onClick={() =>
                      void run(
                        () => dossier.cases.rename({ id: c.id, name: name.trim() }),
                        'Could not rename the case',
                      )
                    }
                  >
                    Rename
                  </Button>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Delete the case ${c.name}`}
                    onClick={() =>
                      void run(() => dossier.cases.remove({ id: c.id }), 'Could not delete the case')
                    }
                  >
                    <IconTrash size={15} />
                  </ActionIcon>
                </Group>
              )
            })}
          </Stack>
          {cases.length > 0 && (
            <Text size="xs" c="dimmed" mt={6}>
              Deleting a case leaves its articles in the library.
            </Text>
          )}
        </div>
        <div>
          <Title order={5} mb={6}>
            Saved searches
          </Title>
          {searches.length === 0 && (
            <Text size="sm" c="dimmed">
              None yet: search or filter the library, then ☆ → Save this search.
            </Text>
          )}
          <Stack gap={4}>
            {searches.map((s) => (
              <Group key={s.id} justify="space-between" wrap="nowrap">
                <Text size="sm" truncate="end">
                  {s.name}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Delete the saved search ${s.name}`}
                  onClick={() =>
                    void run(() => dossier.searches.remove({ id: s.id }), 'Could not delete the search')
                  }
                >
                  <IconTrash size={15} />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        </div>
      </Stack>
    </Modal>
  )
}
