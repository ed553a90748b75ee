// Ctrl/Cmd+V outside a text field makes an article of what is on the clipboard.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const PASTED = `Pyongyang and Moscow sign a new logistics pact

North Korea and Russia agreed on Tuesday to open a second rail crossing, officials said.

The agreement follows months of closer strategic cooperation between the two governments.`

/** A paste as the browser delivers it: a ClipboardEvent carrying a DataTransfer. */
async function paste(page: Page, target: string, text: string, html?: string): Promise<void> {
  await page
    .locator(target)
    .first()
    .evaluate(
      (element, [content, markup]) => {
        const data = new DataTransfer()
        data.setData('text/plain', content!)
        if (markup) data.setData('text/html', markup)
        element.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        )
      },
      [text, html],
    )
}

test('pasting with nothing focused imports the text as an article and opens it', async ({ app }) => {
  await expect(app.getByText(/paste an article/i).first()).toBeVisible()
  await paste(app, 'body', PASTED)
  const library = app.getByRole('list', { name: 'Library' })
  await expect(library).toContainText('Pyongyang and Moscow sign a new logistics pact')
  const reader = app.getByTestId('reader')
  await expect(reader).toContainText('open a second rail crossing')
})

test('pasting into the search box stays in the search box', async ({ app }) => {
  await paste(app, 'body', PASTED)
  const library = app.getByRole('list', { name: 'Library' })
  await expect(library.getByRole('listitem')).toHaveCount(1)
  await paste(app, 'input[aria-label="Search articles"]', 'Another article entirely\n\nWith a body.')
  await app.waitForTimeout(500)
  await expect(library.getByRole('listitem')).toHaveCount(1)
})

test('a passage copied from a web page (HTML and text on the clipboard) becomes an article', async ({
  app,
}) => {
  const html =
    '<meta charset="utf-8"><h1>Rail link reopens at Tumangang</h1><p>The crossing between North Korea and Russia reopened on Tuesday, officials said.</p>'
  const text =
    'Rail link reopens at Tumangang\n\nThe crossing between North Korea and Russia reopened on Tuesday, officials said.'
  await paste(app, 'body', text, html)
  await expect(app.getByTestId('reader')).toContainText('reopened on Tuesday')
  await expect(app.getByRole('list', { name: 'Library' })).toContainText('Rail link reopens at Tumangang')
})
