// Every action of the app as a command for the palette: its name, its keys, and what it runs. Built
// from the app's state at each render, so a command that cannot run now is left out.
import type { Code } from '../../shared/model'
import type { ExportFormat } from '../brief/useExport'

export interface AppCommandState {
  readOnly: boolean
  canExport: boolean
  /** An article is open in the reader (not All highlights). */
  reading: boolean
  hasArticle: boolean
  allHighlights: boolean
  dark: boolean
  libraryOpen: boolean
  inspectorOpen: boolean
  codes: Code[]
}

export interface AppCommandHandlers {
  importFiles(): void
  exportOpen(format: ExportFormat): void
  undo(): void
  redo(): void
  search(): void
  toggleView(): void
  editCodebook(): void
  reextract(): void
  toggleScheme(): void
  help(): void
  toggleLibrary(): void
  toggleInspector(): void
}

export interface AppCommand {
  id: string
  label: string
  group: string
  keys?: string[]
  run: () => void
  disabled?: boolean
  color?: string
}

/** Runs a reader key as if it were pressed, after the palette has given the focus back. */
function pressKey(code: string, key: string, shiftKey = false, ctrlKey = false): () => void {
  return () =>
    window.dispatchEvent(new KeyboardEvent('keydown', { code, key, shiftKey, ctrlKey, bubbles: true }))
}

/** The reader's commands, as keys. */
function readerCommands(codes: Code[]): AppCommand[] {
  const reader = 'Reader'
  return [
    {
      id: 'next-sentence',
      group: reader,
      label: 'Select the next sentence',
      keys: ['J'],
      run: pressKey('KeyJ', 'j'),
    },
    {
      id: 'previous-sentence',
      group: reader,
      label: 'Select the previous sentence',
      keys: ['K'],
      run: pressKey('KeyK', 'k'),
    },
    {
      id: 'extend-sentence',
      group: reader,
      label: 'Extend the selection by a sentence',
      keys: ['Shift', 'J'],
      run: pressKey('KeyJ', 'J', true),
    },
    {
      id: 'next-paragraph',
      group: reader,
      label: 'Select the next paragraph',
      keys: [']'],
      run: pressKey('BracketRight', ']'),
    },
    {
      id: 'previous-paragraph',
      group: reader,
      label: 'Select the previous paragraph',
      keys: ['['],
      run: pressKey('BracketLeft', '['),
    },
    {
      id: 'highlight',
      group: reader,
      label: 'Highlight the selection',
      keys: ['H'],
      run: pressKey('KeyH', 'h'),
    },
    ...codes.slice(0, 9).map((code, index) => ({
      id: `code-${code.id}`,
      group: reader,
      label: `Highlight as ${code.name} (or recode the focused highlight)`,
      keys: [String(index + 1)],
      color: code.color,
      run: pressKey(`Digit${index + 1}`, String(index + 1)),
    })),
    {
      id: 'tag',
      group: reader,
      label: 'Tag the selection as an entity',
      keys: ['T'],
      run: pressKey('KeyT', 't'),
    },
    {
      id: 'next-highlight',
      group: reader,
      label: 'Go to the next highlight',
      keys: ['N'],
      run: pressKey('KeyN', 'n'),
    },
    {
      id: 'previous-highlight',
      group: reader,
      label: 'Go to the previous highlight',
      keys: ['Shift', 'N'],
      run: pressKey('KeyN', 'N', true),
    },
    {
      id: 'remove-highlight',
      group: reader,
      label: 'Remove the focused highlight',
      keys: ['Delete'],
      run: pressKey('Delete', 'Delete'),
    },
  ]
}

const WORKSPACE = 'Workspace'

export function appCommands(state: AppCommandState, on: AppCommandHandlers): AppCommand[] {
  const command = (id: string, label: string, run: () => void, keys?: string[], disabled = false) => ({
    id,
    group: WORKSPACE,
    label,
    run,
    keys,
    disabled,
  })
  return [
    command('import', 'Import files…', on.importFiles, ['Mod', 'O'], state.readOnly),
    command(
      'export-md',
      'Export the open article as Markdown',
      () => on.exportOpen('markdown'),
      ['Mod', 'E'],
      !state.canExport,
    ),
    command(
      'export-pdf',
      'Export the open article as PDF',
      () => on.exportOpen('pdf'),
      ['Mod', 'Shift', 'E'],
      !state.canExport,
    ),
    command('undo', 'Undo', on.undo, ['Mod', 'Z']),
    command('redo', 'Redo', on.redo, ['Mod', 'Shift', 'Z']),
    command('search', 'Search the library', on.search, ['/']),
    command(
      'view',
      state.allHighlights ? 'Back to the reader' : 'Show all highlights, across articles',
      on.toggleView,
      ['Mod', 'Shift', 'H'],
    ),
    command('codebook', 'Edit the codebook: add, rename, recolour, merge codes', on.editCodebook),
    command(
      'details',
      'Edit the article’s details (title, date, source)',
      pressKey('KeyD', 'D', true, true),
      ['Mod', 'Shift', 'D'],
      !state.hasArticle,
    ),
    command(
      'reextract',
      'Extract the open article again from its original (highlights and tags follow their words)',
      on.reextract,
      undefined,
      !state.hasArticle || state.readOnly,
    ),
    command('library-pane', `${state.libraryOpen ? 'Hide' : 'Show'} the library`, on.toggleLibrary, [
      'Mod',
      'B',
    ]),
    command('inspector-pane', `${state.inspectorOpen ? 'Hide' : 'Show'} the inspector`, on.toggleInspector, [
      'Mod',
      'I',
    ]),
    command('scheme', state.dark ? 'Switch to light mode' : 'Switch to dark mode', on.toggleScheme),
    command('help', 'Show the keyboard shortcuts', on.help, ['?']),
    ...(state.reading ? readerCommands(state.codes) : []),
  ]
}
