// Moving page parsing from jsdom to linkedom must not change what an analyst reads. The fixture holds
// the text every corpus page, the HTML and Word seeds and the two hostile pages gave when import parsed
// with jsdom (recorded before the move); each must still give the same canonical text (which includes
// trimmed furniture), token F1 ≥ 0.99. The text the reader shows may lose only what the furniture
// rules added since trim, whole blocks that stay in the canonical text: at least 90% of its tokens
// must still show, and every one of them must still be in the canonical text.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { visibleText } from '../../../../src/main/services/import/boilerplate'
import { extract } from '../../../../src/main/services/import/extract'
import { corpusDir } from '../../../helpers'
import { tokenF1, tokenSurplus } from './text-overlap'

interface Recorded {
  title: string
  text: string
  visible: string
}

const recorded = JSON.parse(
  readFileSync(new URL('./fixtures/jsdom-extraction.json', import.meta.url), 'utf8'),
) as Record<string, Recorded>

function sourceOf(name: string): string {
  return name.startsWith('readability/') ? join(corpusDir, name, 'source.html') : join(corpusDir, name)
}

interface Row {
  name: string
  text: number
  visible: number
  lost: string[]
  /** Tokens the reader showed that are not in the canonical text any more. */
  gone: string[]
}

describe('text parity with the jsdom parser', () => {
  const rows: Row[] = []

  beforeAll(async () => {
    for (const [name, before] of Object.entries(recorded)) {
      const path = sourceOf(name)
      const { article } = await extract(path.split('/').pop()!, readFileSync(path))
      const visible = visibleText(article.text, article.blocks)
      rows.push({
        name,
        text: tokenF1(article.text, before.text),
        visible: tokenF1(visible, before.visible),
        lost: tokenSurplus(before.visible, visible, 12),
        gone: tokenSurplus(before.visible, article.text, 12),
      })
    }
    const low = rows.filter((r) => r.text < 1 || r.visible < 1)
    console.log(
      `\n${rows.length} files; identical tokens on ${rows.length - low.length}; lowest canonical F1 ${Math.min(...rows.map((r) => r.text)).toFixed(4)}, lowest visible F1 ${Math.min(...rows.map((r) => r.visible)).toFixed(4)}` +
        low
          .map((r) => `\n  ${r.name}: canonical ${r.text.toFixed(4)}, visible ${r.visible.toFixed(4)}`)
          .join(''),
    )
  }, 120_000)

  it('covers all 32 corpus pages and the seeds and hostile pages that are HTML or Word', () => {
    expect(rows.filter((r) => r.name.startsWith('readability/'))).toHaveLength(32)
    expect(rows.length).toBe(36)
  })

  it('keeps the canonical text of every file: token F1 ≥ 0.99', () => {
    const low = rows.filter((r) => r.text < 0.99).map((r) => `${r.name} ${r.text.toFixed(4)}`)
    expect(low).toEqual([])
  })

  it('still shows nearly all the text the reader showed, and keeps the rest in the text', () => {
    const low = rows
      .filter((r) => r.visible < 0.9)
      .map((r) => `${r.name} ${r.visible.toFixed(4)} (hidden: ${r.lost.join(' ')})`)
    expect(low).toEqual([])
    expect(rows.filter((r) => r.gone.length > 0).map((r) => `${r.name}: ${r.gone.join(' ')}`)).toEqual([])
  })
})
