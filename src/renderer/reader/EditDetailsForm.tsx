// The form inside "Edit article details": title, date, byline and source, saved together. Problems are
// shown on the field they concern; an error from the services is shown above the buttons.
import { Alert, Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { CREDIBILITY, RELIABILITY } from '../../shared/brief'
import { errorMessage } from '../api/client'
import { changedDetails, DETAIL_MAX_LENGTH, detailProblems, type ArticleDetails } from './article-details'

interface EditDetailsFormProps {
  initial: ArticleDetails
  /** Saves the changed fields; throws the services' error when they refuse. */
  onSave: (changes: Partial<ArticleDetails>) => Promise<void>
  onCancel: () => void
}

export function EditDetailsForm({ initial, onSave, onCancel }: EditDetailsFormProps) {
  const [values, setValues] = useState(initial)
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const problems = tried ? detailProblems(initial, values) : {}

  const field = (key: keyof ArticleDetails) => ({
    value: values[key],
    error: problems[key],
    maxLength: DETAIL_MAX_LENGTH[key],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value
      setValues((current) => ({ ...current, [key]: value }))
      setFailure(null)
    },
  })

  // The grade is two choices kept as one value: "B2", or a half such as "B" until both are chosen.
  const reliability = values.grade.match(/[A-F]/)?.[0] ?? ''
  const credibility = values.grade.match(/[1-6]/)?.[0] ?? ''
  const setGrade = (grade: string) => setValues((current) => ({ ...current, grade }))

  async function submit(event?: FormEvent) {
    event?.preventDefault()
    if (busy) return
    setTried(true)
    if (Object.keys(detailProblems(initial, values)).length > 0) return
    const changes = changedDetails(initial, values)
    if (Object.keys(changes).length === 0) return onCancel()
    setBusy(true)
    try {
      await onSave(changes)
    } catch (error) {
      setFailure(errorMessage(error))
      setBusy(false)
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <Textarea
          label="Title"
          autosize
          minRows={1}
          maxRows={5}
          data-autofocus
          dir="auto"
          {...field('title')}
          // A title is one line: Enter saves rather than breaking it.
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault()
              void submit()
            }
          }}
        />
        <TextInput
          label="Published"
          placeholder="YYYY-MM-DD"
          description="A day such as 2023-06-13, or a day and time such as 2023-06-13T09:30+05:30"
          inputMode="numeric"
          {...field('published')}
        />
        <TextInput label="Byline" placeholder="Who wrote it" dir="auto" {...field('byline')} />
        <TextInput
          label="Source name"
          placeholder="The site or publication"
          dir="auto"
          {...field('siteName')}
        />
        <TextInput label="Source URL" placeholder="https://…" inputMode="url" {...field('sourceUrl')} />
        <Group grow align="flex-start">
          <NativeSelect
            label="Source reliability"
            description="Admiralty grade, cited in briefs"
            value={reliability}
            error={problems.grade}
            onChange={(e) => setGrade(`${e.currentTarget.value}${credibility}`)}
            data={[
              { value: '', label: 'Not graded' },
              ...Object.entries(RELIABILITY).map(([value, label]) => ({
                value,
                label: `${value} — ${label}`,
              })),
            ]}
          />
          <NativeSelect
            label="Information credibility"
            description="How far the report itself is borne out"
            value={credibility}
            onChange={(e) => setGrade(`${reliability}${e.currentTarget.value}`)}
            data={[
              { value: '', label: 'Not graded' },
              ...Object.entries(CREDIBILITY).map(([value, label]) => ({
                value,
                label: `${value} — ${label}`,
              })),
            ]}
          />
        </Group>
        {failure && (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} title="The details were not saved">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
