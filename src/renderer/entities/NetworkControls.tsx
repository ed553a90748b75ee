// What the network shows: together in a paragraph or an article, how often at least, how many of the
// most mentioned entities, of which types, in which case, published when.
import {
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  TextInput,
} from '@mantine/core'
import type { NetworkQuery } from '../../shared/entities'
import { ENTITY_TYPES, type Case, type EntityType } from '../../shared/model'

export const NODE_LIMITS = [50, 100, 200, 500] as const

interface NetworkControlsProps {
  query: NetworkQuery
  cases: readonly Case[]
  onChange: (query: NetworkQuery) => void
}

type Filter = 'types' | 'caseId' | 'published'

/** The query with one filter set, or left out when it is empty: a filter is there only when it filters. */
function withFilter<K extends Filter>(query: NetworkQuery, key: K, value: NetworkQuery[K]): NetworkQuery {
  const next = { ...query }
  delete next[key]
  const empty =
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && !Array.isArray(value) && !value.from && !value.to)
  return empty ? next : { ...next, [key]: value }
}

function withPublished(query: NetworkQuery, key: 'from' | 'to', value: string): NetworkQuery {
  const published = { ...query.published }
  if (value) published[key] = value
  else delete published[key]
  return withFilter(query, 'published', published)
}

export function NetworkControls({ query, cases, onChange }: NetworkControlsProps) {
  return (
    <Stack gap={8} role="group" aria-label="What the network shows">
      <SegmentedControl
        size="xs"
        fullWidth
        aria-label="Together in"
        value={query.scope}
        onChange={(scope) => onChange({ ...query, scope: scope as NetworkQuery['scope'] })}
        data={[
          { value: 'paragraph', label: 'Same paragraph' },
          { value: 'article', label: 'Same article' },
        ]}
      />
      <Group gap={6} grow align="flex-end">
        <NumberInput
          size="xs"
          label="Together at least"
          suffix={query.threshold === 1 ? ' time' : ' times'}
          min={1}
          max={10_000}
          allowDecimal={false}
          allowNegative={false}
          value={query.threshold}
          onChange={(value) => {
            const threshold = typeof value === 'number' ? value : Number.parseInt(value, 10)
            if (Number.isInteger(threshold) && threshold >= 1) onChange({ ...query, threshold })
          }}
        />
        <NativeSelect
          size="xs"
          label="Most mentioned"
          value={String(query.limit ?? 200)}
          onChange={(e) => onChange({ ...query, limit: Number(e.currentTarget.value) })}
          data={NODE_LIMITS.map((n) => ({ value: String(n), label: `${n} entities` }))}
        />
      </Group>
      <MultiSelect
        size="xs"
        label="Types"
        placeholder={query.types?.length ? undefined : 'Every type'}
        clearable
        data={[...ENTITY_TYPES]}
        value={query.types ?? []}
        onChange={(types) => onChange(withFilter(query, 'types', types as EntityType[]))}
      />
      <NativeSelect
        size="xs"
        label="Case"
        value={query.caseId ?? ''}
        onChange={(e) => onChange(withFilter(query, 'caseId', e.currentTarget.value))}
        data={[{ value: '', label: 'Every case' }, ...cases.map((c) => ({ value: c.id, label: c.name }))]}
      />
      <Group gap={6} grow>
        <TextInput
          size="xs"
          type="date"
          label="Published from"
          value={query.published?.from ?? ''}
          onChange={(e) => onChange(withPublished(query, 'from', e.currentTarget.value))}
        />
        <TextInput
          size="xs"
          type="date"
          label="to"
          value={query.published?.to ?? ''}
          onChange={(e) => onChange(withPublished(query, 'to', e.currentTarget.value))}
        />
      </Group>
    </Stack>
  )
}
