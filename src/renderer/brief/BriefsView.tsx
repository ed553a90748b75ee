// The Briefs view: the workspace's briefs on the left, the open one in the composer. A brief moved to
// the trash comes back from the notification's Undo or Ctrl/Cmd+Z.
import { Box, Button, Center, Group, Loader, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { Brief, BriefSummary } from '../../shared/brief'
import { summarizeBrief } from '../../shared/brief'
import type { Code } from '../../shared/model'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'
import type { UndoStack } from '../app/useUndoStack'
import { AnnotationsExportMenu } from './AnnotationsExportMenu'
import { BriefEditor, type BriefExportFormat } from './BriefEditor'
import { saveFile } from './save-file'

interface BriefsViewProps {
  codes: readonly Code[]
  undoStack: UndoStack
  /** The brief to show first; otherwise the one edited last. */
  openId?: string
  onOpenPassage: (articleId: string, highlightId: string) => void
}

const dateFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
})
const FORMAT_LABEL: Record<BriefExportFormat, string> = {
  md: 'Markdown',
  html: 'HTML',
  pdf: 'PDF',
  docx: 'Word',
}

export function BriefsView({ codes, undoStack, openId, onOpenPassage }: BriefsViewProps) {
  const [list, setList] = useState<BriefSummary[] | undefined>(undefined)
  const [open, setOpen] = useState<Brief | undefined>(undefined)
  const [exporting, setExporting] = useState(false)

  useEffect(() => {
    dossier.briefs.list().then(
      (rows) => {
        setList(rows)
        const first = rows.find((r) => r.id === openId) ?? rows[0]
        if (first) void show(first.id)
      },
      (error: unknown) => notifyError(error, 'Could not list the briefs'),
    )
  }, [openId])

  async function show(id: string) {
    try {
      setOpen(await dossier.briefs.get({ id }))
    } catch (error) {
      notifyError(error, 'Could not open the brief')
    }
  }

  function patchRow(brief: Brief) {
    const row = summarizeBrief(brief)
    setList((rows) => [row, ...(rows ?? []).filter((r) => r.id !== row.id)])
  }

  /** Shows a brief just made (new or a copy) at the top of the list and opens it. */
  async function adopt(made: () => Promise<Brief>, failure: string) {
    try {
      const brief = await made()
      patchRow(brief)
      setOpen(brief)
    } catch (error) {
      notifyError(error, failure)
    }
  }
  const create = () => adopt(() => dossier.briefs.create({}), 'Could not create a brief')
  const duplicate = (id: string) =>
    adopt(() => dossier.briefs.duplicate({ id }), 'Could not duplicate the brief')

  async function remove(brief: Brief) {
    try {
      await dossier.briefs.remove({ id: brief.id })
      const rest = (list ?? []).filter((r) => r.id !== brief.id)
      setList(rest)
      setOpen(undefined)
      if (rest[0]) void show(rest[0].id)
      const entry = {
        label: 'Brief moved to the trash',
        undo: async () => {
          const restored = await dossier.briefs.restore({ id: brief.id })
          patchRow(restored)
          setOpen(restored)
        },
        redo: async () => {
          await dossier.briefs.remove({ id: brief.id })
          setList((rows) => (rows ?? []).filter((r) => r.id !== brief.id))
          setOpen(undefined)
        },
      }
      undoStack.push(entry)
      notifications.show({
        message: (
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">“{brief.title}” moved to the trash.</Text>
            <Button size="compact-sm" variant="light" onClick={() => void undoStack.undoEntry(entry)}>
              Undo
            </Button>
          </Group>
        ),
        autoClose: 8000,
      })
    } catch (error) {
      notifyError(error, 'Could not move the brief to the trash')
    }
  }

  async function exportAs(id: string, format: BriefExportFormat) {
    setExporting(true)
    try {
      const file = await dossier.briefs.export({ id, format })
      saveFile(file)
      notifications.show({
        color: 'teal',
        title: `${FORMAT_LABEL[format]} ready`,
        message: file.fileName,
        autoClose: 3000,
      })
    } catch (error) {
      notifyError(error, `Could not export ${FORMAT_LABEL[format]}`)
    } finally {
      setExporting(false)
    }
  }

  return (
    <Group align="stretch" gap={0} wrap="nowrap" h="calc(100dvh - 56px)" data-testid="briefs-view">
      <Stack w={250} gap="xs" p="sm" style={{ borderRight: '1px solid var(--mantine-color-default-border)' }}>
        <Group justify="space-between">
          <Title order={5}>Briefs</Title>
          <Button size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => void create()}>
            New brief
          </Button>
        </Group>
        <ScrollArea flex={1}>
          {list === undefined ? (
            <Loader size="sm" />
          ) : list.length === 0 ? (
            <Text size="sm" c="dimmed">
              No briefs yet. A brief gathers excerpts from your highlights across articles, with your
              judgements, and exports as PDF, Word, Markdown or HTML.
            </Text>
          ) : (
            <Stack gap={2} role="list" aria-label="Briefs">
              {list.map((row) => (
                <NavLink
                  key={row.id}
                  role="listitem"
                  active={row.id === open?.id}
                  label={row.title}
                  description={`${row.excerpts} excerpt${row.excerpts === 1 ? '' : 's'} · ${dateFormat.format(new Date(row.updatedAt))}`}
                  onClick={() => void show(row.id)}
                />
              ))}
            </Stack>
          )}
        </ScrollArea>
        <AnnotationsExportMenu />
      </Stack>
      <Box flex={1} style={{ overflow: 'auto' }}>
        {open ? (
          <BriefEditor
            key={open.id}
            brief={open}
            codes={codes}
            undoStack={undoStack}
            exporting={exporting}
            onSaved={patchRow}
            onExport={(format) => void exportAs(open.id, format)}
            onDuplicate={() => void duplicate(open.id)}
            onRemove={() => void remove(open)}
            onOpenPassage={onOpenPassage}
          />
        ) : (
          <Center h="100%">
            <Stack align="center" gap="xs" maw={420}>
              <Title order={4}>No brief open</Title>
              <Text size="sm" c="dimmed" ta="center">
                Create a brief, then add excerpts from the passages you highlighted in any article.
              </Text>
              <Button onClick={() => void create()}>New brief</Button>
            </Stack>
          </Center>
        )}
      </Box>
    </Group>
  )
}
