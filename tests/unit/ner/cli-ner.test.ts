import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { nerLines, parseTypes, suggestFiles } from '../../../src/main/cli-ner'
import { extract } from '../../../src/main/services/import/extract'
import { SEED_000 } from '../../helpers'

async function run(input: string, types = parseTypes(undefined)) {
  const output = new PassThrough()
  const chunks: string[] = []
  output.on('data', (c: Buffer) => chunks.push(c.toString('utf8')))
  const count = await nerLines(Readable.from([Buffer.from(input, 'utf8')]), output, types as never)
  output.end()
  return { count, lines: chunks.join('').split('\n').slice(0, -1) }
}

describe('dossier ner', () => {
  it('prints one JSON line per input line, offsets in UTF-16 code units of that line', async () => {
    const lines = ['Kim Jong Un met Vladimir Putin in Vladivostok.', '', '😀😀 Putin flew to Moscow.\r']
    const { count, lines: out } = await run(lines.join('\n'))
    expect(count).toBe(3)
    expect(out).toHaveLength(3)
    const parsed = out.map(
      (l) =>
        JSON.parse(l) as {
          entities: { start: number; end: number; type: string; text: string; score: number }[]
        },
    )
    expect(Object.keys(parsed[0]!)).toEqual(['entities'])
    expect(parsed[0]!.entities[0]).toEqual({
      start: 0,
      end: 11,
      type: 'Person',
      text: 'Kim Jong Un',
      score: expect.any(Number),
    })
    expect(parsed[1]!.entities).toEqual([])
    // The two emoji are four code units: Putin starts at 5.
    const putin = parsed[2]!.entities.find((e) => e.text === 'Putin')!
    expect(putin.start).toBe(5)
    for (const [k, p] of parsed.entries())
      for (const e of p.entities) expect(lines[k]!.slice(e.start, e.end)).toBe(e.text)
  })

  it('limits the types with --types', async () => {
    const types = parseTypes('Location')
    const { lines } = await run('Kim Jong Un met Vladimir Putin in Vladivostok.', types)
    expect(JSON.parse(lines[0]!).entities.map((e: { type: string }) => e.type)).toEqual(['Location'])
  })

  it('says which name in --types is not a type', () => {
    expect(parseTypes('Person,Weapon')).toMatch(/"Weapon" is not one/)
    expect(parseTypes('Person, Date')).toEqual(['Person', 'Date'])
  })
})

describe('dossier entities suggest', () => {
  it('prints each file’s names with offsets into the canonical text import stores, a failure by its file', async () => {
    const lines: string[] = []
    const code = await suggestFiles(
      [SEED_000, '/nowhere/missing.txt'],
      ['Person', 'Location'],
      true,
      (l) => lines.push(l),
      extract,
    )
    expect(code).toBe(2)
    const [ok, failed] = lines.map((l) => JSON.parse(l))
    const { article } = await extract(basename(SEED_000), new Uint8Array(await readFile(SEED_000)))
    expect(ok).toMatchObject({ file: SEED_000, status: 'ok', title: article.title })
    expect(ok.entities.length).toBeGreaterThan(10)
    for (const e of ok.entities as { start: number; end: number; text: string; type: string }[]) {
      expect(article.text.slice(e.start, e.end)).toBe(e.text)
      expect(['Person', 'Location']).toContain(e.type)
    }
    expect(ok.entities.map((e: { text: string }) => e.text)).toContain('Kim Jong Un')
    expect(failed).toMatchObject({
      file: '/nowhere/missing.txt',
      status: 'failed',
      error: { code: 'not-found' },
    })
    expect(failed.error.message).toContain('/nowhere/missing.txt')
  })
})
