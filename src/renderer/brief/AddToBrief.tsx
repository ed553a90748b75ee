// "Add to brief" from anywhere a highlight is shown: the reader's selection (B), a highlight's card,
// a choice of rows in All highlights. One dialog asks which brief and which section, offering the one
// used last, or a new brief; the notification that follows opens the brief.
import { Button, Group, Modal, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { createContext, use, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Brief, BriefSummary } from '../../shared/brief'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'

export interface ExcerptSource {
  articleId: string
  highlightId: string
}

type AddToBrief = (excerpts: ExcerptSource[]) => void

const AddToBriefContext = createContext<AddToBrief>(() => {
  throw new Error('useAddToBrief outside AddToBriefProvider')
})

/** Opens the "Add to brief" dialog for these highlights. Stable across renders. */
export function useAddToBrief(): AddToBrief {
  return use(AddToBriefContext)
}

interface AddToBriefProviderProps {
  children: ReactNode
  onOpenBrief: (id: string) => void
}

const LAST_KEY = 'dossier.addToBrief.last'

function remembered(): { briefId?: string; sectionId?: string } {
  try {
    return JSON.parse(sessionStorage.getItem(LAST_KEY) ?? '{}') as { briefId?: string; sectionId?: string }
  } catch {
    return {}
  }
}

export function AddToBriefProvider({ children, onOpenBrief }: AddToBriefProviderProps) {
  const [pending, setPending] = useState<ExcerptSource[] | null>(null)
  const add = useMemo<AddToBrief>(() => (excerpts) => excerpts.length > 0 && setPending(excerpts), [])
  return (
    <AddToBriefContext value={add}>
      {children}
      <AddToBriefModal excerpts={pending} onClose={() => setPending(null)} onOpenBrief={onOpenBrief} />
    </AddToBriefContext>
  )
}

interface AddToBriefModalProps {
  excerpts: ExcerptSource[] | null
  onClose: () => void
  onOpenBrief: (id: string) => void
}

function AddToBriefModal({ excerpts, onClose, onOpenBrief }: AddToBriefModalProps) {
  const [briefs, setBriefs] = useState<BriefSummary[] | undefined>(undefined)
  const [mode, setMode] = useState<'existing' | 'new'>('existing')
  const [briefId, setBriefId] = useState<string>('')
  const [brief, setBrief] = useState<Brief | undefined>(undefined)
  const [sectionId, setSectionId] = useState<string>('')
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const opened = excerpts !== null

  useEffect(() => {
    if (!opened) return
    let live = true
    dossier.briefs.list().then(
      (rows) => {
        if (!live) return
        const last = remembered()
        setBriefs(rows)
        setMode(rows.length > 0 ? 'existing' : 'new')
        setBriefId(rows.find((r) => r.id === last.briefId)?.id ?? rows[0]?.id ?? '')
        setTitle('')
      },
      (error: unknown) => notifyError(error, 'Could not list the briefs'),
    )
    return () => {
      live = false
    }
  }, [opened])

  useEffect(() => {
    if (!briefId) return
    let live = true
    dossier.briefs.get({ id: briefId }).then(
      (got) => {
        if (!live) return
        setBrief(got)
        const last = remembered()
        const section = got.sections.find((s) => s.id === last.sectionId) ?? got.sections.at(-1)
        setSectionId(section?.id ?? '')
      },
      (error: unknown) => notifyError(error, 'Could not open the brief'),
    )
    return () => {
      live = false
    }
  }, [briefId])

  async function submit() {
    if (!excerpts || busy) return
    setBusy(true)
    try {
      let target =
        mode === 'new'
          ? await dossier.briefs.create({ title: title.trim() || undefined })
          : brief?.id === briefId
            ? brief
            : undefined
      if (!target) return
      const section = mode === 'new' ? undefined : sectionId || undefined
      target = await dossier.briefs.addExcerpts({ id: target.id, sectionId: section, excerpts })
      sessionStorage.setItem(
        LAST_KEY,
        JSON.stringify({ briefId: target.id, sectionId: section ?? target.sections.at(-1)?.id }),
      )
      const id = target.id
      const notice = notifications.show({
        color: 'teal',
        message: (
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">
              {excerpts.length === 1 ? 'Excerpt' : `${excerpts.length} excerpts`} added to “{target.title}”.
            </Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => {
                notifications.hide(notice)
                onOpenBrief(id)
              }}
            >
              Open brief
            </Button>
          </Group>
        ),
        autoClose: 5000,
      })
      onClose()
    } catch (error) {
      notifyError(error, 'Could not add to the brief')
    } finally {
      setBusy(false)
    }
  }

  const count = excerpts?.length ?? 0
  const chosenBrief = brief?.id === briefId ? brief : undefined
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={count > 1 ? `Add ${count} excerpts to a brief` : 'Add to a brief'}
      closeButtonProps={{ 'aria-label': 'Close' }}
      size="md"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <Stack gap="sm">
          {briefs && briefs.length > 0 && (
            <SegmentedControl
              value={mode}
              onChange={(value) => setMode(value as 'existing' | 'new')}
              data={[
                { value: 'existing', label: 'A brief of this workspace' },
                { value: 'new', label: 'A new brief' },
              ]}
            />
          )}
          {mode === 'existing' && briefs ? (
            <>
              <NativeSelect
                label="Brief"
                data-autofocus
                value={briefId}
                onChange={(e) => setBriefId(e.currentTarget.value)}
                data={briefs.map((b) => ({ value: b.id, label: b.title }))}
              />
              <NativeSelect
                label="Section"
                value={sectionId}
                onChange={(e) => setSectionId(e.currentTarget.value)}
                data={(chosenBrief?.sections ?? []).map((s, i) => ({
                  value: s.id,
                  label: s.title.trim() || `Section ${i + 1}`,
                }))}
              />
            </>
          ) : (
            <TextInput
              label="Title of the new brief"
              placeholder="Untitled brief"
              data-autofocus
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maxLength={500}
            />
          )}
          <Text size="xs" c="dimmed">
            Excerpts go at the end of the section, with their citation. Commentary is written in the brief.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={mode === 'existing' && !chosenBrief}>
              {count > 1 ? `Add ${count} excerpts` : 'Add excerpt'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
