// The key judgements of a brief: what the analyst assesses, with a confidence level and, where it
// helps, one of the standard expressions of likelihood with its probability range.
import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { CONFIDENCE_LEVELS, LIKELIHOODS, type BriefContent, type Judgement } from '../../shared/brief'
import { newPartId } from './brief-draft'

interface JudgementsEditorProps {
  content: BriefContent
  /** A change as the analyst types. */
  set: (patch: Partial<BriefContent>) => void
  /** A change of structure, undoable. */
  restructure: (label: string, next: BriefContent) => void
}

const LIKELIHOOD_OPTIONS = [
  { value: '', label: 'No likelihood stated' },
  ...Object.entries(LIKELIHOODS).map(([value, { label, range }]) => ({
    value,
    label: `${label} (${range[0]}–${range[1]}%)`,
  })),
]

const CONFIDENCE_OPTIONS = CONFIDENCE_LEVELS.map((c) => ({
  value: c,
  label: `${c[0]!.toUpperCase()}${c.slice(1)} confidence`,
}))

export function JudgementsEditor({ content, set, restructure }: JudgementsEditorProps) {
  const setJudgement = (index: number, patch: Partial<Judgement>) =>
    set({ judgements: content.judgements.map((j, i) => (i === index ? { ...j, ...patch } : j)) })

  return (
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
                data={CONFIDENCE_OPTIONS}
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
          onChange={(e) => set({ options: { ...content.options, likelihoodScale: e.currentTarget.checked } })}
        />
      </Group>
    </Stack>
  )
}
