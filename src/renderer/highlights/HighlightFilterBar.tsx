// The filter bar of All highlights: text, codes and order on the first line; site, article, entity,
// dates and "Clear filters" on the second.
import { Button, CloseButton, Group, Select, Stack, TextInput } from '@mantine/core'
import { IconArrowsSort, IconArticle, IconSearch, IconUser, IconWorld } from '@tabler/icons-react'
import type { RefObject } from 'react'
import type { HighlightSearchResult, HighlightSort } from '../../shared/highlight-search'
import { CodeFilter } from './CodeFilter'
import { DateFilter } from './DateFilter'
import { isFiltered, NO_FILTERS, type HighlightFilters } from './highlight-filters'
import type { HighlightOptions } from './useHighlightOptions'

interface HighlightFilterBarProps {
  filters: HighlightFilters
  options: HighlightOptions
  facets: HighlightSearchResult['facets']
  searchRef: RefObject<HTMLInputElement | null>
  onChange: (change: Partial<HighlightFilters>) => void
}

const SORTS: { value: HighlightSort; label: string }[] = [
  { value: 'position', label: 'By article' },
  { value: 'created', label: 'Newest highlights' },
  { value: 'published', label: 'Newest articles' },
]

export function HighlightFilterBar({
  filters,
  options,
  facets,
  searchRef,
  onChange,
}: HighlightFilterBarProps) {
  const codeCounts = new Map(facets.codes.map((c) => [c.id, c.count]))
  const sites = facets.sites.map((s) => ({ value: s.name, label: `${s.name} (${s.count})` }))
  if (filters.site && !facets.sites.some((s) => s.name === filters.site))
    sites.unshift({ value: filters.site, label: filters.site })

  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <TextInput
          ref={searchRef}
          style={{ flex: 1, minWidth: 180 }}
          aria-label="Search notes and quotes"
          placeholder="Search notes and quoted text"
          leftSection={<IconSearch size={16} />}
          value={filters.text}
          onChange={(event) => onChange({ text: event.currentTarget.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && filters.text) {
              event.stopPropagation()
              onChange({ text: '' })
            }
          }}
          rightSection={
            filters.text ? (
              <CloseButton size="sm" aria-label="Clear text search" onClick={() => onChange({ text: '' })} />
            ) : null
          }
        />
        <CodeFilter
          codes={options.codes}
          counts={codeCounts}
          value={filters.codeIds}
          onChange={(codeIds) => onChange({ codeIds })}
        />
        <Select
          aria-label="Order"
          data={SORTS}
          value={filters.sort}
          onChange={(value) => value && onChange({ sort: value as HighlightSort })}
          allowDeselect={false}
          leftSection={<IconArrowsSort size={16} />}
          w={190}
        />
      </Group>
      <Group gap="xs" wrap="wrap">
        <Select
          aria-label="Site"
          placeholder="All sites"
          leftSection={<IconWorld size={16} />}
          data={sites}
          value={filters.site}
          onChange={(site) => onChange({ site })}
          clearable
          searchable
          nothingFoundMessage="No such site"
          w={200}
        />
        <Select
          aria-label="Article"
          placeholder="All articles"
          leftSection={<IconArticle size={16} />}
          data={options.articles.map((a) => ({ value: a.id, label: a.title }))}
          value={filters.articleId}
          onChange={(articleId) => onChange({ articleId })}
          clearable
          searchable
          nothingFoundMessage="No such article"
          comboboxProps={{ width: 440, position: 'bottom-start' }}
          w={260}
        />
        <Select
          aria-label="Entity in the passage"
          placeholder="Any entity"
          leftSection={<IconUser size={16} />}
          data={options.entities.map((e) => ({ value: e.id, label: `${e.name} · ${e.type}` }))}
          value={filters.entityId}
          onChange={(entityId) => onChange({ entityId })}
          clearable
          searchable
          nothingFoundMessage="No such entity"
          w={230}
        />
        <DateFilter filters={filters} onChange={onChange} />
        {isFiltered(filters) && (
          <Button variant="subtle" onClick={() => onChange({ ...NO_FILTERS, sort: filters.sort })}>
            Clear filters
          </Button>
        )}
      </Group>
    </Stack>
  )
}
