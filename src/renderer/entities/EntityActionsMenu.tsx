// The entity page's menu: every change to the entity by name, with its key where it has one.
import { Button, Kbd, Menu } from '@mantine/core'
import {
  IconArrowMerge,
  IconChevronDown,
  IconCategory,
  IconListSearch,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react'

interface EntityActionsMenuProps {
  onRename: () => void
  onChooseType: () => void
  onAddAlias: () => void
  onMerge: () => void
  onFindAll: () => void
  onDelete: () => void
}

export function EntityActionsMenu(props: EntityActionsMenuProps) {
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <Button
          size="compact-sm"
          variant="default"
          rightSection={<IconChevronDown size={14} />}
          aria-label="Manage the entity"
        >
          Manage
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconPencil size={15} />}
          rightSection={<Kbd size="xs">F2</Kbd>}
          onClick={props.onRename}
        >
          Rename
        </Menu.Item>
        <Menu.Item leftSection={<IconCategory size={15} />} onClick={props.onChooseType}>
          Change type…
        </Menu.Item>
        <Menu.Item leftSection={<IconPlus size={15} />} onClick={props.onAddAlias}>
          Add an alias
        </Menu.Item>
        <Menu.Item leftSection={<IconArrowMerge size={15} />} onClick={props.onMerge}>
          Merge other entities into this…
        </Menu.Item>
        <Menu.Item leftSection={<IconListSearch size={15} />} onClick={props.onFindAll}>
          Find every occurrence…
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconTrash size={15} />}
          rightSection={<Kbd size="xs">Del</Kbd>}
          onClick={props.onDelete}
        >
          Delete
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
