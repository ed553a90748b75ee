// All highlights: every highlight of the workspace in one list, filtered by code, site, article,
// entity, dates and text, each opening its passage or copying as a quotation with its citation; one or
// many chosen go into a brief.
import { Button, Group, Loader, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMemo, useRef, useState } from 'react'
import type { HighlightRow } from '../../shared/highlight-search'
import { notifyError } from '../app/notify'
import { useAddToBrief, type ExcerptSource } from '../brief/AddToBrief'
import { copyQuotation } from './copy-quotation'
import { isFiltered, NO_FILTERS, type HighlightFilters } from './highlight-filters'
import { HighlightFilterBar } from './HighlightFilterBar'
import { HighlightList } from './HighlightList'
import classes from './Highlights.module.css'
import { HighlightsEmpty } from './HighlightsEmpty'
import { quotationOf } from './quotation'
import { useHighlightOptions } from './useHighlightOptions'
import { useHighlightSearch } from './useHighlightSearch'

interface HighlightsBrowserProps {
  onOpenPassage: (articleId: string, highlightId: string) => void
}

const count = new Intl.NumberFormat()

export function HighlightsBrowser({ onOpenPassage }: HighlightsBrowserProps) {
  const [filters, setFilters] = useState<HighlightFilters>(NO_FILTERS)
  const options = useHighlightOptions()
  const search = useHighlightSearch(filters)
  const searchRef = useRef<HTMLInputElement>(null)
  const codes = useMemo(() => new Map(options.codes.map((c) => [c.id, c])), [options.codes])
  const entities = useMemo(() => new Map(options.entities.map((e) => [e.id, e])), [options.entities])
  const filtered = isFiltered(filters)
  const addToBrief = useAddToBrief()
  // Chosen highlights stay chosen while the filters change, so a brief can gather from several searches.
  const [chosen, setChosen] = useState<Map<string, ExcerptSource>>(new Map())
  const [lastChosen, setLastChosen] = useState<number | null>(null)
  const chosenIds = useMemo(() => new Set(chosen.keys()), [chosen])

  function choose(index: number, run: boolean) {
    const row = search.rows[index]
    if (!row) return
    const next = new Map(chosen)
    const on = !chosen.has(row.highlight.id)
    const [from, to] =
      run && lastChosen !== null ? [Math.min(lastChosen, index), Math.max(lastChosen, index)] : [index, index]
    for (const r of search.rows.slice(from, to + 1)) {
      if (on || run) next.set(r.highlight.id, { articleId: r.articleId, highlightId: r.highlight.id })
      else next.delete(r.highlight.id)
    }
    setChosen(next)
    setLastChosen(index)
  }

  function addRowsToBrief(row: HighlightRow) {
    if (chosen.size > 0) addToBrief([...chosen.values()])
    else addToBrief([{ articleId: row.articleId, highlightId: row.highlight.id }])
  }

  function change(next: Partial<HighlightFilters>) {
    setFilters((current) => ({ ...current, ...next }))
  }

  async function copy(row: HighlightRow) {
    try {
      await copyQuotation(quotationOf(row))
      notifications.show({
        title: 'Quotation copied',
        message: `From “${row.title}”, with its citation.`,
        autoClose: 2500,
      })
    } catch (error) {
      notifyError(error, 'Could not copy the quotation')
    }
  }

  return (
    <section className={classes.pane} aria-label="All highlights">
      <div className={classes.toolbar}>
        <Group justify="space-between" mb="sm" wrap="nowrap">
          <Title order={2} size="h4">
            All highlights
          </Title>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="highlight-count">
            {search.loaded
              ? `${count.format(search.total)} ${search.total === 1 ? 'highlight' : 'highlights'}${filtered ? ' match' : ''}`
              : ''}
          </Text>
        </Group>
        {chosen.size > 0 && (
          <Group gap="xs" mb="xs" data-testid="chosen-bar">
            <Text size="sm" fw={500}>
              {count.format(chosen.size)} chosen
            </Text>
            <Button size="compact-sm" onClick={() => addToBrief([...chosen.values()])}>
              Add to brief…
            </Button>
            <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setChosen(new Map())}>
              Clear
            </Button>
          </Group>
        )}
        <HighlightFilterBar
          filters={filters}
          options={options}
          facets={search.facets}
          searchRef={searchRef}
          onChange={change}
        />
      </div>
      {!search.loaded && (
        <Group justify="center" mt="xl">
          <Loader size="sm" type="dots" />
        </Group>
      )}
      {search.error && (
        <Text c="red" size="sm" px="lg" py="md">
          {search.error}
        </Text>
      )}
      {search.loaded && !search.error && search.total === 0 && (
        <HighlightsEmpty
          filtered={filtered}
          onClearFilters={() => setFilters({ ...NO_FILTERS, sort: filters.sort })}
        />
      )}
      {search.rows.length > 0 && (
        <HighlightList
          rows={search.rows}
          total={search.total}
          codes={codes}
          entities={entities}
          onLoadMore={search.loadMore}
          onOpen={(row) => onOpenPassage(row.articleId, row.highlight.id)}
          onCopy={(row) => void copy(row)}
          chosen={chosenIds}
          onChoose={choose}
          onAddToBrief={addRowsToBrief}
        />
      )}
    </section>
  )
}
