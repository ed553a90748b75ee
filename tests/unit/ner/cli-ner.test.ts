import { PassThrough, Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { nerLines, parseTypes } from '../../../src/main/cli-ner'

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
