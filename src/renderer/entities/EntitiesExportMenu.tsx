// Exports the entity list or every mention, as CSV for a spreadsheet or JSON for a script, saved the way
// every export of the app is (a save dialog in the desktop app, a download in a browser).
import { Button, Menu } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload } from '@tabler/icons-react'
import { useState } from 'react'
import { dossier, isDesktop } from '../api/client'
import { notifyError } from '../app/notify'
import { saveFile } from '../brief/save-file'

const EXPORTS = [
  { what: 'entities', format: 'csv', label: 'Entities as CSV' },
  { what: 'entities', format: 'json', label: 'Entities as JSON' },
  { what: 'mentions', format: 'csv', label: 'Mentions as CSV' },
  { what: 'mentions', format: 'json', label: 'Mentions as JSON' },
] as const

type Export = (typeof EXPORTS)[number]

export function EntitiesExportMenu() {
  const [busy, setBusy] = useState(false)

  async function run({ what, format, label }: Export) {
    setBusy(true)
    try {
      const file = await dossier.entities.export({ what, format })
      saveFile(file)
      notifications.show({
        color: 'teal',
        title: `${label} ready`,
        // The desktop app asks where to save it; a browser puts it with its downloads.
        message: isDesktop
          ? `${file.fileName}: choose where to save it.`
          : `${file.fileName}, in the browser's downloads.`,
        autoClose: 4000,
      })
    } catch (error) {
      notifyError(error, `Could not export the ${what}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-xs"
          aria-label="Export entities"
          leftSection={<IconDownload size={14} />}
          loading={busy}
        >
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {EXPORTS.map((item) => (
          <Menu.Item key={item.label} onClick={() => void run(item)}>
            {item.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
