import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { csvField, highlightsCsv } from '../../../src/main/services/annotations/csv'
import { tempDir } from '../../helpers'
import { annotatedWorkspace, HOSTILE_NOTE } from './fixture'

/** A minimal RFC 4180 reader: rows of fields, CRLF between rows, "" inside quoted fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let at = 0
  while (at < text.length) {
    const row: string[] = []
    for (;;) {
      expect(text[at]).toBe('"')
      let value = ''
      at++
      for (;;) {
        const end = text.indexOf('"', at)
        value += text.slice(at, end)
        at = end + 1
        if (text[at] === '"') {
          value += '"'
          at++
        } else break
      }
      row.push(value)
      if (text[at] === ',') at++
      else break
    }
    expect(text.slice(at, at + 2)).toBe('\r\n')
    at += 2
    rows.push(row)
  }
  return rows
}

describe('highlights CSV', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  beforeEach(async () => (dir = await tempDir()))
  afterEach(() => dir.remove())

  it('quotes every field, defuses formulas and keeps hostile text intact', async () => {
    const { workspace } = await annotatedWorkspace(dir.path)
    try {
      const csv = await highlightsCsv(workspace)
      expect(csv.startsWith('\uFEFF"article","site","published","code","quote","note","citation"\r\n')).toBe(
        true,
      )
      const rows = parseCsv(csv.slice(1))
      expect(rows).toHaveLength(4)
      for (const row of rows) expect(row).toHaveLength(7)
      const hostile = rows.find((r) => r[3] === 'Evidence')!
      expect(hostile[5]).toBe(`'${HOSTILE_NOTE}`)
      expect(hostile[4]).toBe('North Korea')
      expect(hostile[6]).toMatch(/, ¶ \d+$/)
      expect(rows.find((r) => r[5] === 'the pledge')![3]).toBe('Key judgement')
    } finally {
      await workspace.close()
    }
  })

  it('prefixes a field starting with = + - @ and doubles quotes', () => {
    for (const lead of ['=', '+', '-', '@']) expect(csvField(`${lead}1+1`)).toBe(`"'${lead}1+1"`)
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"')
    expect(csvField('plain')).toBe('"plain"')
    const hostile = '=HYPERLINK("http://evil.example","a, b")\r\n"x"'
    expect(csvField(hostile)).toBe(`"'=HYPERLINK(""http://evil.example"",""a, b"")\r\n""x"""`)
    expect(parseCsv(`${csvField(hostile)},${csvField('ok')}\r\n`)).toEqual([[`'${hostile}`, 'ok']])
  })
})
