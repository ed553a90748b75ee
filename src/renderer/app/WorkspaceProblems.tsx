// The warnings at the top of the main area: a workspace open read-only, and files that could not be
// read (quarantined, skipped, missing) or were rebuilt, each with what happened and what to do.
import { Alert, Code, List, Text } from '@mantine/core'
import { IconAlertTriangle, IconLock } from '@tabler/icons-react'
import { useState } from 'react'
import type { WorkspaceProblem } from '../../shared/model'

export function WorkspaceProblems({
  problems,
  readOnly,
}: {
  problems: WorkspaceProblem[]
  readOnly: boolean
}) {
  const [dismissed, setDismissed] = useState(false)
  return (
    <>
      {readOnly && (
        <Alert
          color="blue"
          variant="light"
          icon={<IconLock />}
          title="This workspace is read-only"
          m="md"
          mb={0}
        >
          <Text size="sm">
            Its folder cannot be written, so you can read, search and export, but not import, highlight or
            tag. To work in it, copy the folder somewhere you can write to, or fix its permissions, and open
            it again.
          </Text>
        </Alert>
      )}
      {!dismissed && problems.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle />}
          title="Dossier found problems in this workspace"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setDismissed(true)}
          m="md"
          mb={0}
        >
          <Text size="sm" mb={6}>
            Everything else opened normally. Nothing was deleted: files that could not be read were moved to
            the quarantine folder or left where they are, as each line says.
          </Text>
          <List size="sm" spacing={4}>
            {problems.map((problem, i) => (
              <List.Item key={`${problem.file}-${i}`} style={{ overflowWrap: 'anywhere' }}>
                <Code>{problem.file}</Code> — {problem.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  )
}
