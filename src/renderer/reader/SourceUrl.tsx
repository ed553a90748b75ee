// The article's source address as selectable text with a copy button; never a live link (offline app).
import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core'
import { IconCheck, IconCopy } from '@tabler/icons-react'
import classes from './Reader.module.css'

export function SourceUrl({ url }: { url: string }) {
  return (
    <Group gap={4} wrap="nowrap" align="center">
      <Text component="span" c="dimmed" className={classes.sourceUrl}>
        {url}
      </Text>
      <CopyButton value={url} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy source address'} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label="Copy source address"
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  )
}
