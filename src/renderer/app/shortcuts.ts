// The keyboard shortcuts as data, so the help dialog lists exactly what the handlers implement.
import { modLabel } from './keyboard'

export interface ShortcutHelp {
  keys: string[][]
  action: string
}

export interface ShortcutGroup {
  title: string
  shortcuts: ShortcutHelp[]
}

const mod = modLabel

export const shortcutGroups: ShortcutGroup[] = [
  {
    title: 'Workspace',
    shortcuts: [
      { keys: [[mod, 'O']], action: 'Import files…' },
      { keys: [[mod, 'V']], action: 'Import the article on the clipboard (outside a text field)' },
      { keys: [[mod, 'E']], action: 'Export the open article as Markdown' },
      { keys: [[mod, 'Shift', 'E']], action: 'Export the open article as PDF' },
      { keys: [[mod, 'Z']], action: 'Undo the last change: highlight, note, tag, details, trimming' },
      {
        keys: [
          [mod, 'Shift', 'Z'],
          [mod, 'Y'],
        ],
        action: 'Redo',
      },
      { keys: [[mod, 'Shift', 'H']], action: 'Switch between the reader and All highlights' },
      { keys: [['?']], action: 'Show this list' },
    ],
  },
  {
    title: 'Library',
    shortcuts: [
      { keys: [['/']], action: 'Search the library' },
      { keys: [['↑'], ['↓']], action: 'Move through the list' },
      { keys: [['K'], ['J']], action: 'Move up and down, as with the arrows' },
      { keys: [['Enter']], action: 'Open the selected article' },
    ],
  },
  {
    title: 'All highlights',
    shortcuts: [
      { keys: [['↑'], ['↓']], action: 'Move through the highlights' },
      { keys: [['Enter']], action: 'Open the passage in its article' },
      { keys: [[mod, 'C']], action: 'Copy the highlight as a quotation with its citation' },
    ],
  },
  {
    title: 'Reader',
    shortcuts: [
      { keys: [['H']], action: 'Highlight the selected passage' },
      { keys: [['T']], action: 'Tag the selected name as an entity' },
      { keys: [['Esc']], action: 'Clear the selection' },
      { keys: [[mod, 'Shift', 'D']], action: 'Edit the article’s details (title, date, source)' },
    ],
  },
  {
    title: 'Tag entity dialog',
    shortcuts: [
      {
        keys: [['P'], ['O'], ['L'], ['E'], ['X']],
        action: 'Person, Organization, Location, Equipment, Other',
      },
      { keys: [['Alt', 'P']], action: 'The same while typing in the Name field' },
      { keys: [['Enter']], action: 'Tag' },
    ],
  },
]
