// The brief composer: title and handling line, the bottom line up front, key judgements with their
// confidence and likelihood, and sections of excerpts and paragraphs. Saved as the analyst types;
// adding, moving and removing parts can be undone.
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Menu,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconDots, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import {
  CONFIDENCE_LEVELS,
  LIKELIHOODS,
  type Brief,
  type BriefContent,
  type BriefItem,
  type Judgement,
} from '../../shared/brief'
import type { Code } from '../../shared/model'
import type { HighlightRow } from '../../shared/highlight-search'
import type { UndoStack } from '../app/useUndoStack'
import { AddExcerptsModal } from './AddExcerptsModal'
import { newPartId, useBriefDraft, type SaveState } from './brief-draft'

export type BriefExportFormat = 'md' | 'html' | 'pdf'

interface BriefEditorProps {
  brief: Brief
  codes: readonly Code[]
  undoStack: UndoStack
  exporting: boolean
  onSaved: (brief: Brief) => void
  onExport: (format: BriefExportFormat) => void
  onDuplicate: () => void
  onRemove: () => void
}

const SAVE_LABEL: Record<SaveState, string> = {
  saved: 'Saved',
  pending: 'Editing…',
  saving: 'Saving…',
  failed: 'Not saved',
}

const LIKELIHOOD_OPTIONS = [
  { value: '', label: 'No likelihood stated' },
  ...Object.entries(LIKELIHOODS).map(([value, { label, range }]) => ({
    value,
    label: `${label} (${range[0]}–${range[1]}%)`,
  })),
]

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list]
  const [item] = next.splice(from, 1)
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item!)
  return next
}

export function BriefEditor(props: BriefEditorProps) {
  const { brief, codes, undoStack } = props
  const draft = useBriefDraft(brief, props.onSaved)
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

  const setJudgement = (index: number, patch: Partial<Judgement>) =>
    set({ judgements: content.judgements.map((j, i) => (i === index ? { ...j, ...patch } : j)) })

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

  function onItemKey(event: React.KeyboardEvent, sectionIndex: number, itemIndex: number) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return
    event.preventDefault()
    moveItem(sectionIndex, itemIndex, event.key === 'ArrowUp' ? -1 : 1)
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

      <Stack gap="xs">
        <Title order={4}>Key judgements</Title>
        {content.judgements.length === 0 && (
          <Text size="sm" c="dimmed">
            No judgements yet. Each states what you assess, how confident you are, and how likely it is.
          </Text>
        )}
        {content.judgements.map((judgement, index) => (
          <Card key={judgement.id} withBorder padding="sm" aria-label={`Judgement ${index + 1}`}>
            <Stack gap={6}>
              <Textarea
                aria-label={`Judgement ${index + 1}`}
                autosize
                minRows={1}
                value={judgement.text}
                onChange={(e) => setJudgement(index, { text: e.currentTarget.value })}
              />
              <Group gap="xs" wrap="nowrap">
                <NativeSelect
                  aria-label="Confidence"
                  value={judgement.confidence}
                  onChange={(e) =>
                    setJudgement(index, { confidence: e.currentTarget.value as Judgement['confidence'] })
                  }
                  data={CONFIDENCE_LEVELS.map((c) => ({
                    value: c,
                    label: `${c[0]!.toUpperCase()}${c.slice(1)} confidence`,
                  }))}
                />
                <NativeSelect
                  aria-label="Likelihood"
                  value={judgement.likelihood ?? ''}
                  onChange={(e) =>
                    setJudgement(index, {
                      likelihood: (e.currentTarget.value || undefined) as Judgement['likelihood'],
                    })
                  }
                  data={LIKELIHOOD_OPTIONS}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove judgement ${index + 1}`}
                  onClick={() =>
                    restructure('Judgement removed', {
                      ...content,
                      judgements: content.judgements.filter((_, i) => i !== index),
                    })
                  }
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            </Stack>
          </Card>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              restructure('Judgement added', {
                ...content,
                judgements: [...content.judgements, { id: newPartId(), text: '', confidence: 'moderate' }],
              })
            }
          >
            Add judgement
          </Button>
          <Checkbox
            size="xs"
            label="Print the likelihood scale"
            checked={content.options.likelihoodScale}
            onChange={(e) =>
              set({ options: { ...content.options, likelihoodScale: e.currentTarget.checked } })
            }
          />
        </Group>
      </Stack>

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
          {section.items.map((item, itemIndex) => (
            <Card
              key={item.id}
              withBorder
              padding="sm"
              tabIndex={0}
              data-testid="brief-item"
              aria-label={item.kind === 'excerpt' ? `Excerpt: ${item.copy.quote.slice(0, 80)}` : 'Paragraph'}
              onKeyDown={(e) => onItemKey(e, sectionIndex, itemIndex)}
            >
              <Group align="flex-start" wrap="nowrap" gap="sm">
                <Stack gap={6} flex={1}>
                  {item.kind === 'excerpt' ? (
                    <>
                      <Text
                        size="sm"
                        ff="serif"
                        style={{ borderLeft: '3px solid var(--mantine-color-yellow-5)', paddingLeft: 10 }}
                      >
                        “{item.copy.quote}”
                      </Text>
                      <Group gap={6}>
                        {item.copy.codeName && (
                          <Badge size="xs" variant="light">
                            {item.copy.codeName}
                          </Badge>
                        )}
                        <Text size="xs" c="dimmed">
                          {item.copy.articleTitle}
                        </Text>
                      </Group>
                      <Textarea
                        aria-label="Commentary"
                        placeholder="Your commentary on this passage"
                        autosize
                        minRows={1}
                        value={item.commentary}
                        onChange={(e) =>
                          setItem(sectionIndex, itemIndex, { ...item, commentary: e.currentTarget.value })
                        }
                      />
                    </>
                  ) : (
                    <Textarea
                      aria-label="Paragraph"
                      placeholder="Write a paragraph"
                      autosize
                      minRows={2}
                      value={item.text}
                      onChange={(e) =>
                        setItem(sectionIndex, itemIndex, { ...item, text: e.currentTarget.value })
                      }
                    />
                  )}
                </Stack>
                <Stack gap={2}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label="Move up (Alt+↑)"
                    onClick={() => moveItem(sectionIndex, itemIndex, -1)}
                  >
                    <IconArrowUp size={14} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label="Move down (Alt+↓)"
                    onClick={() => moveItem(sectionIndex, itemIndex, 1)}
                  >
                    <IconArrowDown size={14} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label="Remove from the brief"
                    onClick={() =>
                      restructure(item.kind === 'excerpt' ? 'Excerpt removed' : 'Paragraph removed', {
                        ...content,
                        sections: setSectionItems(
                          sectionIndex,
                          section.items.filter((_, i) => i !== itemIndex),
                        ),
                      })
                    }
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Stack>
              </Group>
            </Card>
          ))}
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
