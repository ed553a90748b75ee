// The filters beside the Library list: site, dates, code, entity, case, tag, language, and whether an
// article has highlights or notes, each value with the number of matching articles; and the sort.
import { Button, Checkbox, Group, MultiSelect, NativeSelect, Stack, Text, TextInput } from '@mantine/core'
import type { FacetValue, LibraryFacets, LibraryFilters, LibrarySort } from '../../shared/library'

interface LibraryFilterPanelProps {
  filters: LibraryFilters
  facets: LibraryFacets
  onChange: (filters: LibraryFilters) => void
}

type ListKey = 'sites' | 'codes' | 'entities' | 'cases' | 'tags' | 'languages'

const LISTS: { key: ListKey; label: string }[] = [
  { key: 'sites', label: 'Site' },
  { key: 'codes', label: 'Code' },
  { key: 'entities', label: 'Entity' },
  { key: 'cases', label: 'Case' },
  { key: 'tags', label: 'Tag' },
  { key: 'languages', label: 'Language' },
]

function options(values: FacetValue[], chosen: readonly string[] = []) {
  const data = values.map((v) => ({ value: v.value, label: `${v.label} (${v.count})` }))
  // A chosen value that no longer matches anything stays in the list, so it can be taken out.
  for (const value of chosen) if (!values.some((v) => v.value === value)) data.push({ value, label: value })
  return data
}

export function isFiltering(filters: LibraryFilters): boolean {
  return Object.values(filters).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined))
}

export function LibraryFilterPanel({ filters, facets, onChange }: LibraryFilterPanelProps) {
  const set = (patch: Partial<LibraryFilters>) => onChange({ ...filters, ...patch })
  const range = (key: 'published' | 'imported', end: 'from' | 'to', value: string) => {
    const next = { ...filters[key], [end]: value || undefined }
    set({ [key]: next.from || next.to ? next : undefined })
  }

  return (
    <Stack gap={8} data-testid="library-filters">
      {LISTS.map(({ key, label }) =>
        facets[key].length > 0 || (filters[key]?.length ?? 0) > 0 ? (
          <MultiSelect
            key={key}
            size="xs"
            label={label}
            placeholder={`Any ${label.toLowerCase()}`}
            data={options(facets[key], filters[key])}
            value={filters[key] ?? []}
            onChange={(value) => set({ [key]: value.length ? value : undefined })}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        ) : null,
      )}
      {(['published', 'imported'] as const).map((key) => (
        <div key={key}>
          <Text size="xs" fw={500} mb={2}>
            {key === 'published' ? 'Published' : 'Imported'}
          </Text>
          <Group gap={6} grow wrap="nowrap">
            <TextInput
              size="xs"
              type="date"
              aria-label={`${key === 'published' ? 'Published' : 'Imported'} from`}
              value={filters[key]?.from ?? ''}
              onChange={(e) => range(key, 'from', e.currentTarget.value)}
            />
            <TextInput
              size="xs"
              type="date"
              aria-label={`${key === 'published' ? 'Published' : 'Imported'} to`}
              value={filters[key]?.to ?? ''}
              onChange={(e) => range(key, 'to', e.currentTarget.value)}
            />
          </Group>
        </div>
      ))}
      <Checkbox
        size="xs"
        label={`Has highlights (${facets.hasHighlights})`}
        checked={filters.hasHighlights === true}
        onChange={(e) => set({ hasHighlights: e.currentTarget.checked || undefined })}
      />
      <Checkbox
        size="xs"
        label={`Has notes (${facets.hasNotes})`}
        checked={filters.hasNotes === true}
        onChange={(e) => set({ hasNotes: e.currentTarget.checked || undefined })}
      />
      {isFiltering(filters) && (
        <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onChange({})}>
          Clear all filters
        </Button>
      )}
    </Stack>
  )
}

const SORT_LABEL: Record<LibrarySort, string> = {
  relevance: 'Best match',
  published: 'Published',
  imported: 'Imported',
  title: 'Title',
  site: 'Site',
  highlights: 'Highlights',
}

interface SortSelectProps {
  sort: LibrarySort
  order: 'asc' | 'desc'
  searching: boolean
  onChange: (sort: LibrarySort, order: 'asc' | 'desc') => void
}

/** Sorts with the direction an analyst expects first: newest, most highlighted, A to Z. */
const NATURAL: Record<LibrarySort, 'asc' | 'desc'> = {
  relevance: 'desc',
  published: 'desc',
  imported: 'desc',
  title: 'asc',
  site: 'asc',
  highlights: 'desc',
}

export function SortSelect({ sort, order, searching, onChange }: SortSelectProps) {
  const value = `${sort}:${order}`
  const data = (Object.keys(SORT_LABEL) as LibrarySort[])
    .filter((s) => searching || s !== 'relevance')
    .flatMap((s) =>
      s === 'relevance'
        ? [{ value: 'relevance:desc', label: SORT_LABEL[s] }]
        : [
            { value: `${s}:${NATURAL[s]}`, label: `${SORT_LABEL[s]}${arrow(s, NATURAL[s])}` },
            {
              value: `${s}:${NATURAL[s] === 'asc' ? 'desc' : 'asc'}`,
              label: `${SORT_LABEL[s]}${arrow(s, NATURAL[s] === 'asc' ? 'desc' : 'asc')}`,
            },
          ],
    )
  return (
    <NativeSelect
      size="xs"
      aria-label="Sort by"
      value={value}
      data={data}
      onChange={(e) => {
        const [s, o] = e.currentTarget.value.split(':') as [LibrarySort, 'asc' | 'desc']
        onChange(s, o)
      }}
    />
  )
}

function arrow(sort: LibrarySort, order: 'asc' | 'desc'): string {
  if (sort === 'title' || sort === 'site') return order === 'asc' ? ', A–Z' : ', Z–A'
  if (sort === 'highlights') return order === 'desc' ? ', most first' : ', fewest first'
  return order === 'desc' ? ', newest first' : ', oldest first'
}
