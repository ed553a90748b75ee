// The brief composer: title and handling line, the bottom line up front, key judgements with their
// confidence and likelihood, and sections of excerpts and paragraphs. Saved as the analyst types;
// adding, moving and removing parts can be undone.
import { DragDropContext, Droppable, Draggable, type DropResult } from '@hello-pangea/dnd'
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Menu,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core'
import { IconDots, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import type { Brief, BriefContent, BriefItem } from '../../shared/brief'
import type { HighlightRow } from '../../shared/highlight-search'
import type { Code } from '../../shared/model'
import type { UndoStack } from '../app/useUndoStack'
import { AddExcerptsModal } from './AddExcerptsModal'
import classes from './Brief.module.css'
import { newPartId, useBriefDraft, type SaveState } from './brief-draft'
import { BriefItemCard } from './BriefItemCard'
import { JudgementsEditor } from './JudgementsEditor'
import { useExcerptStates } from './useExcerptStates'

export type BriefExportFormat = 'md' | 'html' | 'pdf' | 'docx'

interface BriefEditorProps {
  brief: Brief
  codes: readonly Code[]
  undoStack: UndoStack
  exporting: boolean
  onSaved: (brief: Brief) => void
  onExport: (format: BriefExportFormat) => void
  onDuplicate: () => void
  onRemove: () => void
  onOpenPassage: (articleId: string, highlightId: string) => void
}

const SAVE_LABEL: Record<SaveState, string> = {
  saved: 'Saved',
  pending: 'Editing…',
  saving: 'Saving…',
  failed: 'Not saved',
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list]
  const [item] = next.splice(from, 1)
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item!)
  return next
}

export function BriefEditor(props: BriefEditorProps) {
  const { brief, codes, undoStack } = props
  const [saved, setSaved] = useState(brief)
  const draft = useBriefDraft(brief, (next) => {
    setSaved(next)
    props.onSaved(next)
  })
  const states = useExcerptStates(saved)
  const [adding, setAdding] = useState<string | null>(null)
  const content = draft.content
  if (!content) return null

  const set = (patch: Partial<BriefContent>) => draft.change({ ...content, ...patch })

  /** A change to the brief's parts: made at once, and undoable from Ctrl/Cmd+Z. */
  function restructure(label: string, next: BriefContent) {
    const before = content!
    draft.change(next)
    undoStack.push({
      label,
      undo: async () => draft.change(before),
      redo: async () => draft.change(next),
    })
  }

  function setSectionItems(sectionIndex: number, items: BriefItem[]) {
    return content!.sections.map((s, i) => (i === sectionIndex ? { ...s, items } : s))
  }

  function setItem(sectionIndex: number, itemIndex: number, item: BriefItem) {
    const items = content!.sections[sectionIndex]!.items.map((it, i) => (i === itemIndex ? item : it))
    set({ sections: setSectionItems(sectionIndex, items) })
  }

  function moveItem(sectionIndex: number, itemIndex: number, delta: number) {
    const section = content!.sections[sectionIndex]!
    const target = itemIndex + delta
    if (target >= 0 && target < section.items.length) {
      restructure('Moved', {
        ...content!,
        sections: setSectionItems(sectionIndex, move(section.items, itemIndex, target)),
      })
      return
    }
    // Past the first or last item it goes on into the section before or after.
    const otherIndex = sectionIndex + Math.sign(delta)
    const other = content!.sections[otherIndex]
    if (!other) return
    const item = section.items[itemIndex]!
    const sections = content!.sections.map((s, i) => {
      if (i === sectionIndex) return { ...s, items: s.items.filter((_, j) => j !== itemIndex) }
      if (i === otherIndex) return { ...s, items: delta < 0 ? [...s.items, item] : [item, ...s.items] }
      return s
    })
    restructure('Moved to another section', { ...content!, sections })
  }

  function addExcerpts(sectionId: string, rows: HighlightRow[]) {
    const codeName = new Map(codes.map((c) => [c.id, c.name]))
    const items: BriefItem[] = rows.map((row) => ({
      kind: 'excerpt',
      id: newPartId(),
      articleId: row.articleId,
      highlightId: row.highlight.id,
      commentary: '',
      copy: {
        quote: row.highlight.target.quote.exact,
        articleTitle: row.title,
        codeName: codeName.get(row.highlight.codeId),
      },
    }))
    const sections = content!.sections.map((s) =>
      s.id === sectionId ? { ...s, items: [...s.items, ...items] } : s,
    )
    restructure(items.length > 1 ? `${items.length} excerpts added` : 'Excerpt added', {
      ...content!,
      sections,
    })
  }

  function onDragEnd({ source, destination }: DropResult) {
    if (!destination) return
    const from = content!.sections.findIndex((sec) => sec.id === source.droppableId)
    const to = content!.sections.findIndex((sec) => sec.id === destination.droppableId)
    if (from < 0 || to < 0 || (from === to && source.index === destination.index)) return
    const item = content!.sections[from]!.items[source.index]!
    const sections = content!.sections.map((sec) => ({ ...sec, items: [...sec.items] }))
    sections[from]!.items.splice(source.index, 1)
    sections[to]!.items.splice(destination.index, 0, item)
    restructure(from === to ? 'Moved' : 'Moved to another section', { ...content!, sections })
  }

  return (
    <Stack gap="lg" p="lg" maw={860} mx="auto" data-testid="brief-editor">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <TextInput
          label="Title"
          flex={1}
          size="md"
          value={content.title}
          error={content.title.trim() ? undefined : 'A brief needs a title.'}
          onChange={(e) => set({ title: e.currentTarget.value })}
        />
        <Text
          size="xs"
          c={draft.state === 'failed' ? 'red' : 'dimmed'}
          aria-live="polite"
          data-testid="save-state"
        >
          {SAVE_LABEL[draft.state]}
        </Text>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button loading={props.exporting} variant="light">
              Export
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void draft.flush().then(() => props.onExport('pdf'))}>PDF</Menu.Item>
            <Menu.Item onClick={() => void draft.flush().then(() => props.onExport('md'))}>
              Markdown
            </Menu.Item>
            <Menu.Item onClick={() => void draft.flush().then(() => props.onExport('html'))}>HTML</Menu.Item>
            <Menu.Item onClick={() => void draft.flush().then(() => props.onExport('docx'))}>Word</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Menu position="bottom-end">
          <Menu.Target>
            <ActionIcon variant="subtle" size="lg" aria-label="Brief actions">
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void draft.flush().then(props.onDuplicate)}>Duplicate</Menu.Item>
            <Menu.Item color="red" onClick={props.onRemove}>
              Move to trash
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>

      <Group grow align="flex-start">
        <TextInput
          label="Handling"
          description="Printed on every page"
          placeholder="UNCLASSIFIED // FOR OFFICIAL USE ONLY"
          value={content.handling}
          onChange={(e) => set({ handling: e.currentTarget.value })}
        />
        <TextInput
          label="Author"
          value={content.author}
          onChange={(e) => set({ author: e.currentTarget.value })}
        />
        <TextInput
          label="Date"
          type="date"
          value={content.date}
          onChange={(e) => set({ date: e.currentTarget.value })}
        />
      </Group>
      <Group gap="md">
        <Text size="sm">Paper</Text>
        <SegmentedControl
          size="xs"
          aria-label="Paper"
          value={content.options.paper}
          onChange={(paper) => set({ options: { ...content.options, paper: paper as 'a4' | 'letter' } })}
          data={[
            { value: 'a4', label: 'A4' },
            { value: 'letter', label: 'US Letter' },
          ]}
        />
        <Checkbox
          label="Appendix of entities"
          checked={content.options.entityAppendix}
          onChange={(e) => set({ options: { ...content.options, entityAppendix: e.currentTarget.checked } })}
        />
      </Group>

      <Textarea
        label="Bottom line up front"
        placeholder="The one paragraph a reader must see if they read nothing else."
        autosize
        minRows={2}
        value={content.bluf}
        onChange={(e) => set({ bluf: e.currentTarget.value })}
      />

      <JudgementsEditor content={content} set={set} restructure={restructure} />

      <DragDropContext onDragEnd={onDragEnd}>
        {content.sections.map((section, sectionIndex) => (
          <Stack
            key={section.id}
            gap="xs"
            role="group"
            aria-label={`Section ${section.title || sectionIndex + 1}`}
          >
            <Group wrap="nowrap">
              <TextInput
                flex={1}
                aria-label="Section title"
                variant="unstyled"
                size="lg"
                fw={600}
                placeholder="Section title"
                value={section.title}
                onChange={(e) =>
                  set({
                    sections: content.sections.map((s, i) =>
                      i === sectionIndex ? { ...s, title: e.currentTarget.value } : s,
                    ),
                  })
                }
              />
              <Tooltip label="Remove section">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove section ${section.title}`}
                  onClick={() =>
                    restructure('Section removed', {
                      ...content,
                      sections: content.sections.filter((_, i) => i !== sectionIndex),
                    })
                  }
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
            {section.items.length === 0 && (
              <Text size="sm" c="dimmed">
                Empty. Add excerpts from your highlights, or write a paragraph.
              </Text>
            )}
            <Droppable droppableId={section.id}>
              {(drop, snapshot) => (
                <Stack
                  ref={drop.innerRef}
                  {...drop.droppableProps}
                  gap="xs"
                  className={classes.section}
                  data-over={snapshot.isDraggingOver || undefined}
                >
                  {section.items.map((item, itemIndex) => (
                    <Draggable key={item.id} draggableId={item.id} index={itemIndex}>
                      {(drag, dragState) => (
                        <BriefItemCard
                          item={item}
                          state={states.get(item.id)}
                          drag={drag}
                          dragging={dragState.isDragging}
                          onChange={(next) => setItem(sectionIndex, itemIndex, next)}
                          onMove={(delta) => moveItem(sectionIndex, itemIndex, delta)}
                          onOpenPassage={props.onOpenPassage}
                          onRemove={() =>
                            restructure(item.kind === 'excerpt' ? 'Excerpt removed' : 'Paragraph removed', {
                              ...content,
                              sections: setSectionItems(
                                sectionIndex,
                                section.items.filter((_, i) => i !== itemIndex),
                              ),
                            })
                          }
                        />
                      )}
                    </Draggable>
                  ))}
                  {drop.placeholder}
                </Stack>
              )}
            </Droppable>
            <Group gap="xs">
              <Button
                variant="light"
                size="compact-sm"
                leftSection={<IconPlus size={14} />}
                onClick={() => setAdding(section.id)}
              >
                Add excerpts…
              </Button>
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconPlus size={14} />}
                onClick={() =>
                  restructure('Paragraph added', {
                    ...content,
                    sections: setSectionItems(sectionIndex, [
                      ...section.items,
                      { kind: 'paragraph', id: newPartId(), text: '' },
                    ]),
                  })
                }
              >
                Add paragraph
              </Button>
            </Group>
          </Stack>
        ))}
      </DragDropContext>
      <Button
        variant="default"
        leftSection={<IconPlus size={14} />}
        w="fit-content"
        onClick={() =>
          restructure('Section added', {
            ...content,
            sections: [...content.sections, { id: newPartId(), title: 'New section', items: [] }],
          })
        }
      >
        Add section
      </Button>
      <AddExcerptsModal
        opened={adding !== null}
        onClose={() => setAdding(null)}
        onAdd={(rows) => adding && addExcerpts(adding, rows)}
      />
    </Stack>
  )
}
