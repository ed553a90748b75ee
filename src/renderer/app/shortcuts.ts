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
      { keys: [[mod, 'K']], action: 'Command palette: every action, by name' },
      { keys: [[mod, 'B']], action: 'Show or hide the library' },
      { keys: [[mod, 'I']], action: 'Show or hide the inspector' },
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
      {
        keys: [['Space']],
        action: 'Choose the article (Shift+↑/↓ or Shift+click: a run; Ctrl/Cmd+click: one more)',
      },
      { keys: [[mod, 'A']], action: 'Choose every article listed' },
      { keys: [['Delete']], action: 'Move the chosen articles (or the one in focus) to the trash' },
      { keys: [['Esc']], action: 'Clear the search, or the choice' },
    ],
  },
  {
    title: 'All highlights',
    shortcuts: [
      { keys: [['↑'], ['↓']], action: 'Move through the highlights' },
      { keys: [['Enter']], action: 'Open the passage in its article' },
      { keys: [[mod, 'C']], action: 'Copy the highlight as a quotation with its citation' },
      { keys: [['Space']], action: 'Choose the highlight, to add several to a brief at once' },
      { keys: [['B']], action: 'Add the chosen highlights (or the one in focus) to a brief' },
    ],
  },
  {
    title: 'Reader',
    shortcuts: [
      { keys: [['J'], ['K']], action: 'Select the next or previous sentence' },
      { keys: [[']'], ['[']], action: 'Select the next or previous paragraph' },
      {
        keys: [
          ['Shift', 'J'],
          ['Shift', ']'],
        ],
        action: 'Extend the selection by a sentence or paragraph (Shift+K, Shift+[ shrink it)',
      },
      { keys: [['H']], action: 'Highlight the selection with the last code used' },
      {
        keys: [['1'], ['9']],
        action: 'Highlight the selection with code 1–9, or recode the focused highlight',
      },
      { keys: [['T']], action: 'Tag the selected name as an entity' },
      { keys: [['B']], action: 'Add the selection or the focused highlight to a brief' },
      { keys: [['N'], ['Shift', 'N']], action: 'Go to the next or previous highlight (it takes the focus)' },
      { keys: [['Delete']], action: 'Remove the focused highlight' },
      { keys: [['Esc']], action: 'Clear the selection, then the focus' },
      {
        keys: [[mod, 'F']],
        action: 'Find in the article; Enter and Shift+Enter go to the next and previous',
      },
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
  {
    title: 'Brief',
    shortcuts: [
      {
        keys: [
          ['Alt', '↑'],
          ['Alt', '↓'],
        ],
        action: 'Move the excerpt or paragraph, across sections too',
      },
      { keys: [['Space']], action: 'On a grip: lift the part, move it with the arrows, Space again to drop' },
      { keys: [[mod, 'Z']], action: 'Undo adding, moving or removing a part' },
    ],
  },
]
