// Every highlight and entity mention of the workspace, exported for other tools: W3C Web Annotations
// (which `dossier annotations import` reads back), a REFI-QDA project for QDA software, or CSV.
import { Button, Menu } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload } from '@tabler/icons-react'
import { useState } from 'react'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'
import { saveFile } from './save-file'

const FORMATS = [
  { format: 'w3c', label: 'W3C Web Annotations (JSON-LD)' },
  { format: 'qdpx', label: 'REFI-QDA project (.qdpx)' },
  { format: 'csv', label: 'Highlights as CSV' },
] as const

export function AnnotationsExportMenu() {
  const [busy, setBusy] = useState(false)

  async function run(format: (typeof FORMATS)[number]['format'], label: string) {
    setBusy(true)
    try {
      const file = await dossier.annotations.export({ format })
      saveFile(file)
      notifications.show({ color: 'teal', title: `${label} ready`, message: file.fileName, autoClose: 3000 })
    } catch (error) {
      notifyError(error, `Could not export ${label}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Menu position="top-start">
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          leftSection={<IconDownload size={14} />}
          loading={busy}
        >
          Export all annotations
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {FORMATS.map(({ format, label }) => (
          <Menu.Item key={format} onClick={() => void run(format, label)}>
            {label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
