// The warning at the top of the main area when workspace files could not be read and were set aside.
import { Alert, Code, List, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useState } from 'react'
import type { WorkspaceProblem } from '../../shared/model'

export function WorkspaceProblems({ problems }: { problems: WorkspaceProblem[] }) {
  const [dismissed, setDismissed] = useState(false)
  if (dismissed || problems.length === 0) return null
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle />}
      title="Some workspace files could not be read and were moved to quarantine"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={() => setDismissed(true)}
      m="md"
      mb={0}
    >
      <Text size="sm" mb={6}>
        The rest of the workspace opened normally. The files below were kept in the quarantine folder,
        untouched.
      </Text>
      <List size="sm" spacing={4}>
        {problems.map((problem, i) => (
          <List.Item key={`${problem.file}-${i}`} style={{ overflowWrap: 'anywhere' }}>
            <Code>{problem.file}</Code> — {problem.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  )
}
