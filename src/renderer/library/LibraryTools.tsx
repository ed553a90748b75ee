// The Library's controls around its search box: the case shown, the filters, sort and saved searches
// under it, and the way to the duplicates and the trash at the foot. Each is memoised with handlers that
// keep their identity, so a key press in the search box, or the answer to it, renders none of them.
import {
  ActionIcon,
  Button,
  Collapse,
  Group,
  Indicator,
  Menu,
  NativeSelect,
  ScrollArea,
  Text,
  Tooltip,
} from '@mantine/core'
import { IconAdjustmentsHorizontal, IconCopy, IconStar, IconTrash } from '@tabler/icons-react'
import { memo } from 'react'
import type { Case, LibraryFacets, LibraryFilters, LibrarySort, SavedSearch } from '../../shared/library'
import { LibraryFilterPanel, SortSelect } from './LibraryFilterPanel'

interface CaseChoiceProps {
  cases: Case[]
  shown: Case | undefined
  onShow: (caseId: string | undefined) => void
  onStartBrief: (caseId: string) => void
}

export const CaseChoice = memo(function CaseChoice({ cases, shown, onShow, onStartBrief }: CaseChoiceProps) {
  return (
    <Group gap={6} wrap="nowrap" mb={6}>
      <NativeSelect
        size="xs"
        flex={1}
        aria-label="Case"
        value={shown?.id ?? ''}
        onChange={(e) => onShow(e.currentTarget.value || undefined)}
        data={[
          { value: '', label: 'All articles' },
          ...cases.map((c) => ({ value: c.id, label: `Case: ${c.name}` })),
        ]}
      />
      {shown && (
        <Tooltip label="Start a brief from this case's highlights">
          <Button size="compact-xs" variant="light" onClick={() => onStartBrief(shown.id)}>
            Brief
          </Button>
        </Tooltip>
      )}
    </Group>
  )
})

interface SearchToolsProps {
  filtersOpen: boolean
  filtering: boolean
  sort: LibrarySort
  order: 'asc' | 'desc'
  searching: boolean
  saved: SavedSearch[]
  onToggleFilters: () => void
  onSort: (sort: LibrarySort, order: 'asc' | 'desc') => void
  onSave: () => void
  onApplySaved: (entry: SavedSearch) => void
  onManage: () => void
}

export const SearchTools = memo(function SearchTools(props: SearchToolsProps) {
  const { filtersOpen, filtering, sort, order, searching, saved } = props
  return (
    <Group gap={4} mt={6} mb={6} wrap="nowrap">
      <Indicator disabled={!filtering} size={7} offset={3}>
        <ActionIcon
          variant={filtersOpen ? 'light' : 'subtle'}
          color="gray"
          aria-label="Filters"
          aria-expanded={filtersOpen}
          onClick={props.onToggleFilters}
        >
          <IconAdjustmentsHorizontal size={16} />
        </ActionIcon>
      </Indicator>
      <div style={{ flex: 1 }}>
        <SortSelect sort={sort} order={order} searching={searching} onChange={props.onSort} />
      </div>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label="Saved searches">
            <IconStar size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item disabled={!searching && !filtering} onClick={props.onSave}>
            Save this search
          </Menu.Item>
          {saved.length > 0 && <Menu.Divider />}
          {saved.map((entry) => (
            <Menu.Item key={entry.id} onClick={() => props.onApplySaved(entry)}>
              {entry.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={props.onManage}>Manage cases and saved searches…</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  )
})

interface LibraryFootProps {
  /** The library has articles: the duplicates and the trash are offered. */
  listed: boolean
  workspacePath?: string
  onDuplicates: () => void
  onTrash: () => void
}

export const LibraryFoot = memo(function LibraryFoot(props: LibraryFootProps) {
  const { listed, workspacePath } = props
  return (
    <>
      {listed && (
        <Group gap={4} justify="space-between" wrap="nowrap">
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            leftSection={<IconCopy size={13} />}
            onClick={props.onDuplicates}
          >
            Duplicates
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            leftSection={<IconTrash size={13} />}
            onClick={props.onTrash}
          >
            Trash
          </Button>
        </Group>
      )}
      {workspacePath && (
        <Text size="xs" c="dimmed" truncate="start" title={workspacePath}>
          Workspace: {workspacePath}
        </Text>
      )}
    </>
  )
})

interface FilterDrawerProps {
  open: boolean
  filters: LibraryFilters
  /** The counts of the answer on screen; while closed, the same empty ones at every answer. */
  facets: LibraryFacets
  onChange: (filters: LibraryFilters) => void
}

export const FilterDrawer = memo(function FilterDrawer({
  open,
  filters,
  facets,
  onChange,
}: FilterDrawerProps) {
  return (
    <Collapse expanded={open}>
      <ScrollArea.Autosize mah="40vh" type="auto" scrollbars="y" mb={6} pr={8}>
        {/* Not rendered while closed: its lists would re-render at every answer. */}
        {open && <LibraryFilterPanel filters={filters} facets={facets} onChange={onChange} />}
      </ScrollArea.Autosize>
    </Collapse>
  )
})
