// A brief from two sources: highlight in both seed articles, compose a brief with a bottom line, two
// judgements, excerpts from both and a paragraph of one's own, reorder, reload, and export it.
import { execFileSync } from 'node:child_process'
import { copyFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import MarkdownIt from 'markdown-it'
import footnote from 'markdown-it-footnote'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import {
  dropFiles,
  expect,
  expectPainted,
  openArticle,
  seed000,
  seed004,
  selectInReader,
  test,
  TITLE_000,
  TITLE_004,
} from './fixtures'

async function pdfText(path: string): Promise<{ text: string; pages: number }> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)), useSystemFonts: false }).promise
  let text = ''
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent()
    text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n'
  }
  return { text: text.replace(/\s+/g, ' '), pages: pdf.numPages }
}

const HANDLING = 'UNCLASSIFIED // FOR OFFICIAL USE ONLY'

test('compose a two-source brief, reorder, reload, and export PDF, Markdown, HTML and Word', async ({
  app,
}) => {
  test.setTimeout(120_000)
  await dropFiles(app, [seed000, seed004])
  await expect(app.getByRole('list', { name: 'Library' })).toContainText(TITLE_004)
  await openArticle(app, TITLE_000)
  await selectInReader(app, 'closer strategic cooperation')
  await app.keyboard.press('h')
  await expectPainted(app, 'closer strategic cooperation')
  await openArticle(app, TITLE_004)
  await selectInReader(app, 'more than 1,000 containers of military equipment')
  await app.keyboard.press('h')
  await expectPainted(app, 'more than 1,000 containers of military equipment')

  await app.getByRole('radiogroup', { name: 'View' }).getByText('Briefs').click()
  await expect(app.getByText('No briefs yet.')).toBeVisible()
  await app.getByRole('button', { name: 'New brief' }).first().click()
  const editor = app.getByTestId('brief-editor')
  await editor.getByRole('textbox', { name: 'Title', exact: true }).fill('Pyongyang and Moscow')
  await editor.getByRole('textbox', { name: /^Handling/ }).fill(HANDLING)
  await editor
    .getByRole('textbox', { name: 'Bottom line up front' })
    .fill('North Korea arms Russia and gains its support.')
  for (const [text, confidence] of [
    ['Deliveries will continue.', 'High'],
    ['The cooperation will extend to space.', 'Low'],
  ] as const) {
    await editor.getByRole('button', { name: 'Add judgement' }).click()
    const card = editor.getByRole('textbox', { name: /^Judgement \d$/ }).last()
    await card.fill(text)
    await editor.getByRole('combobox', { name: 'Confidence' }).last().selectOption(`${confidence} confidence`)
  }
  await editor
    .getByRole('combobox', { name: 'Likelihood' })
    .first()
    .selectOption({ label: 'very likely (80–95%)' })

  await editor.getByRole('button', { name: 'Add excerpts…' }).click()
  const picker = app.getByRole('dialog', { name: 'Add excerpts from highlights' })
  await picker.getByRole('checkbox', { name: /closer strategic cooperation/ }).check()
  await picker.getByRole('checkbox', { name: /1,000 containers/ }).check()
  await picker.getByRole('button', { name: 'Add 2 excerpts' }).click()
  await editor.getByRole('button', { name: 'Add paragraph' }).click()
  await editor.getByRole('textbox', { name: 'Paragraph' }).fill('Both governments deny the transfers.')
  await editor.getByRole('textbox', { name: 'Commentary' }).first().fill('The pledge from the summit.')

  // The paragraph goes up to the top with the keyboard, and the first move is undone and redone.
  const items = editor.getByTestId('brief-item')
  await expect(items).toHaveCount(3)
  await items.nth(2).focus()
  await app.keyboard.press('Alt+ArrowUp')
  await expect(items.nth(1)).toHaveAccessibleName('Paragraph')
  await items.nth(1).focus()
  await app.keyboard.press('Alt+ArrowUp')
  await expect(items.nth(0)).toHaveAccessibleName('Paragraph')
  await expect(editor.getByTestId('save-state')).toHaveText('Saved')

  await app.reload()
  await app.getByRole('radiogroup', { name: 'View' }).getByText('Briefs').click()
  await expect(app.getByRole('list', { name: 'Briefs' })).toContainText('Pyongyang and Moscow')
  await expect(editor.getByRole('textbox', { name: /^Handling/ })).toHaveValue(HANDLING)
  await expect(items.nth(0)).toHaveAccessibleName('Paragraph')
  await expect(editor.getByRole('textbox', { name: 'Commentary' }).first()).toHaveValue(
    'The pledge from the summit.',
  )

  await app.screenshot({ path: test.info().outputPath('composer.png') })
  const exported = async (format: string) => {
    await editor.getByRole('button', { name: 'Export' }).click()
    const [download] = await Promise.all([
      app.waitForEvent('download', { timeout: 30_000 }),
      app.getByRole('menuitem', { name: format, exact: true }).click(),
    ])
    return download
  }

  const pdf = await exported('PDF')
  expect(pdf.suggestedFilename()).toBe('Pyongyang-and-Moscow.pdf')
  const pdfPath = await pdf.path()
  const { text, pages } = await pdfText(pdfPath)
  expect(text).toContain('closer strategic cooperation')
  expect(text).toContain('more than 1,000 containers of military equipment')
  expect(text).toContain('Both governments deny the transfers.')
  expect(text).toContain('Very likely (80–95%) · High confidence')
  expect(text).toContain('[1] Source 1')
  expect(text).toContain('[2] Source 2')
  expect(text).toContain(TITLE_004)
  // The handling line heads and foots every page, with "n / N".
  expect(text.split(HANDLING).length - 1).toBeGreaterThanOrEqual(2 * pages)
  expect(text).toContain(`1 / ${pages}`)
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '110',
    '-f',
    '1',
    '-l',
    '1',
    pdfPath,
    test.info().outputPath('brief'),
  ])

  const md = await readFile(await (await exported('Markdown')).path(), 'utf8')
  const rendered = new MarkdownIt()
    .use(footnote)
    .render(md)
    .replace(/<[^>]+>/g, '')
  for (const words of [
    'closer strategic cooperation',
    'more than 1,000 containers of military equipment',
    HANDLING,
  ])
    expect(rendered).toContain(words)
  expect(md).toMatch(/\[\^1\]: .*Source 1\./)
  expect(md).toMatch(/\[\^2\]: .*Source 2\./)

  const html = await readFile(await (await exported('HTML')).path(), 'utf8')
  expect(html).not.toMatch(/<script/i)
  expect(html).toContain('Both governments deny the transfers.')

  // Word: LibreOffice opens it and prints every excerpt with its footnote.
  const word = await exported('Word')
  expect(word.suggestedFilename()).toBe('Pyongyang-and-Moscow.docx')
  const dir = test.info().outputPath('word')
  const docx = join(dir, word.suggestedFilename())
  execFileSync('mkdir', ['-p', dir])
  await copyFile(await word.path(), docx)
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      docx,
    ],
    { timeout: 60_000 },
  )
  const printed = execFileSync('pdftotext', [docx.replace(/\.docx$/, '.pdf'), '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, ' ')
  for (const words of [
    'closer strategic cooperation',
    'more than 1,000 containers of military equipment',
    'Both governments deny the transfers.',
    HANDLING,
    TITLE_004,
  ])
    expect(printed).toContain(words)
  expect(printed).toMatch(/Source 1\b/)
  expect(printed).toMatch(/Source 2\b/)
})

test('gather excerpts from the reader, a highlight card and All highlights, then drag, grade and check them', async ({
  app,
}) => {
  test.setTimeout(120_000)
  await dropFiles(app, [seed000, seed004])
  await expect(app.getByRole('list', { name: 'Library' })).toContainText(TITLE_004)

  // B on a selection highlights it and asks for a brief: there is none yet, so a new one.
  await openArticle(app, TITLE_000)
  await selectInReader(app, 'closer strategic cooperation')
  await app.keyboard.press('b')
  const dialog = app.getByRole('dialog', { name: /to a brief$/ })
  await dialog.getByRole('textbox', { name: 'Title of the new brief' }).fill('Summit watch')
  await dialog.getByRole('button', { name: 'Add excerpt' }).click()
  await expect(app.getByText('Excerpt added to “Summit watch”.')).toBeVisible()
  await expect(dialog).toBeHidden()
  await expectPainted(app, 'closer strategic cooperation')

  // The second source is graded B2, and its highlight goes in from its card in the inspector.
  await openArticle(app, TITLE_004)
  await app.getByRole('button', { name: 'Edit details' }).click()
  const details = app.getByRole('dialog', { name: 'Edit article details' })
  await details.getByRole('combobox', { name: /Source reliability/ }).selectOption('B')
  await details.getByRole('combobox', { name: /Information credibility/ }).selectOption('2')
  await details.getByRole('button', { name: 'Save' }).click()
  await expect(details).toBeHidden()
  await expect(app.getByTestId('source-grade')).toHaveText('Graded B2')
  await selectInReader(app, 'more than 1,000 containers of military equipment')
  await app.keyboard.press('h')
  await expectPainted(app, 'more than 1,000 containers of military equipment')
  const inspector = app.getByRole('region', { name: 'Inspector' })
  await inspector.getByRole('button', { name: 'Add to a brief' }).first().click()
  await expect(dialog.getByRole('combobox', { name: 'Brief' })).toHaveValue(/.+/)
  await dialog.getByRole('button', { name: 'Add excerpt' }).click()
  await expect(app.getByText('Excerpt added to “Summit watch”.').last()).toBeVisible()
  await expect(dialog).toBeHidden()
  for (const words of ['White House spokesman John Kirby', 'fighter aircraft']) {
    await selectInReader(app, words)
    await app.keyboard.press('h')
    await expectPainted(app, words)
  }

  // Two rows of All highlights, chosen with Space and Shift+click, go in together.
  await app.getByRole('radiogroup', { name: 'View' }).getByText('All highlights').click()
  const rows = app.getByRole('listitem').filter({ has: app.getByRole('checkbox') })
  await expect(rows).toHaveCount(4)
  await rows.filter({ hasText: 'John Kirby' }).focus()
  await app.keyboard.press('Space')
  await rows.filter({ hasText: 'fighter aircraft' }).getByRole('checkbox').click()
  await expect(app.getByTestId('chosen-bar')).toContainText('2 chosen')
  await app.getByTestId('chosen-bar').getByRole('button', { name: 'Add to brief…' }).click()
  await dialog.getByRole('button', { name: 'Add 2 excerpts' }).click()
  await app.getByRole('button', { name: 'Open brief' }).last().click()

  const editor = app.getByTestId('brief-editor')
  const items = editor.getByTestId('brief-item')
  await expect(items).toHaveCount(4)
  await expect(items.nth(0)).toContainText('closer strategic cooperation')
  await expect(items.nth(1)).toContainText('B2')
  await expect(items.nth(1)).toContainText('¶')

  // Dragged with the keyboard: the first excerpt goes to the end.
  await items
    .nth(0)
    .getByLabel(/^Drag to move/)
    .focus()
  await app.keyboard.press('Space')
  for (let i = 0; i < 3; i++) await app.keyboard.press('ArrowDown')
  await app.keyboard.press('Space')
  await expect(items.nth(3)).toContainText('closer strategic cooperation')
  await expect(editor.getByTestId('save-state')).toHaveText('Saved')

  // The sentence around a fragment, on demand.
  const kirby = items.filter({ hasText: 'John Kirby' })
  await kirby.getByRole('button', { name: 'Show the sentence' }).click()
  await expect(kirby).toContainText(
    '"We condemn the DPRK for providing Russia with this military equipment,"',
  )
  await app.screenshot({ path: test.info().outputPath('composer-gathered.png') })

  // A highlight removed from its article stays in the brief, marked.
  await app.getByRole('radiogroup', { name: 'View' }).getByText('Reader').click()
  await inspector.getByRole('button', { name: 'Remove highlight' }).first().click()
  await app.getByRole('radiogroup', { name: 'View' }).getByText('Briefs').click()
  await expect(editor.getByTestId('excerpt-removed')).toHaveCount(1)
  await expect(items).toHaveCount(4)

  // Every annotation of the workspace, for other tools.
  await app.getByRole('button', { name: 'Export all annotations' }).click()
  const [download] = await Promise.all([
    app.waitForEvent('download'),
    app.getByRole('menuitem', { name: /W3C Web Annotations/ }).click(),
  ])
  const collection = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    first: { items: { target: { selector: { type: string; exact?: string }[] } }[] }
  }
  const quotes = collection.first.items.flatMap((a) => a.target.selector.flatMap((s) => s.exact ?? []))
  expect(quotes).toEqual(expect.arrayContaining(['closer strategic cooperation', 'fighter aircraft']))
})
