// The dates popover: the articles' published days and the days highlights were made, each a range.
import { Badge, Button, CloseButton, Group, Popover, Stack, Text, TextInput } from '@mantine/core'
import { IconCalendar } from '@tabler/icons-react'
import { dateFilterCount, type HighlightFilters } from './highlight-filters'

type DateKey = 'publishedFrom' | 'publishedTo' | 'createdFrom' | 'createdTo'

interface DateFilterProps {
  filters: HighlightFilters
  onChange: (change: Partial<Pick<HighlightFilters, DateKey>>) => void
}

function DayInput({
  label,
  value,
  onChange,
}: {
  label: string
  value: string
  onChange: (v: string) => void
}) {
  return (
    <TextInput
      type="date"
      size="xs"
      aria-label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      w={150}
    />
  )
}

function Range(props: {
  title: string
  from: DateKey
  to: DateKey
  filters: HighlightFilters
  onChange: DateFilterProps['onChange']
}) {
  const { title, from, to, filters, onChange } = props
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {title}
      </Text>
      <Group gap={6} wrap="nowrap">
        <DayInput label={`${title} from`} value={filters[from]} onChange={(v) => onChange({ [from]: v })} />
        <Text size="sm" c="dimmed">
          to
        </Text>
        <DayInput label={`${title} to`} value={filters[to]} onChange={(v) => onChange({ [to]: v })} />
        <CloseButton
          size="sm"
          aria-label={`Clear ${title.toLowerCase()} dates`}
          style={{ visibility: filters[from] || filters[to] ? 'visible' : 'hidden' }}
          onClick={() => onChange({ [from]: '', [to]: '' })}
        />
      </Group>
    </Stack>
  )
}

export function DateFilter({ filters, onChange }: DateFilterProps) {
  const active = dateFilterCount(filters)
  return (
    <Popover position="bottom-start" shadow="md" withArrow>
      <Popover.Target>
        <Button
          variant={active > 0 ? 'light' : 'default'}
          leftSection={<IconCalendar size={16} />}
          rightSection={
            active > 0 ? (
              <Badge size="xs" circle>
                {active}
              </Badge>
            ) : undefined
          }
        >
          Dates
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Range
            title="Published"
            from="publishedFrom"
            to="publishedTo"
            filters={filters}
            onChange={onChange}
          />
          <Range
            title="Highlighted"
            from="createdFrom"
            to="createdTo"
            filters={filters}
            onChange={onChange}
          />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
