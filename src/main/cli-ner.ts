// The recogniser on the command line: `dossier ner` tags each line of standard input, and
// `dossier entities suggest` tags article files read through the import's own extraction.
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import { failureData } from './cli-failure'
import { NER_TYPES, type NerType } from './services/ner/labels'
import { isNerType, recognise } from './services/ner/recognise'
import { createExtractPool } from './services/import/extract-pool'
import { maxFileBytesFrom, tooLarge } from './services/import/file-limit'

/** The types of `--types Person,Location`, or a sentence naming the one that is not a type. */
export function parseTypes(value: string | undefined): NerType[] | string {
  if (value === undefined) return [...NER_TYPES]
  const names = value
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)
  const wrong = names.find((n) => !isNerType(n))
  if (wrong !== undefined || names.length === 0)
    return `--types takes a comma-separated list of ${NER_TYPES.join(', ')}; "${wrong ?? value}" is not one.`
  return names as NerType[]
}

/**
 * One JSON line out for each line in, in order, offsets in UTF-16 code units of that line (as
 * JavaScript strings count). Resolves with the number of lines read.
 */
export async function nerLines(
  input: Readable,
  output: Writable,
  types: readonly NerType[],
): Promise<number> {
  input.setEncoding('utf8')
  const lines = createInterface({ input, crlfDelay: Infinity })
  let count = 0
  for await (const line of lines) {
    const entities = recognise(line, { types })
    const ok = output.write(`${JSON.stringify({ entities })}\n`)
    count++
    if (!ok) await new Promise((resolve) => output.once('drain', resolve))
  }
  return count
}

type Extract = (name: string, bytes: Uint8Array) => Promise<{ article: { title: string; text: string } }>

/**
 * `dossier entities suggest <files…> [--json] [--types …]`: each file's recognised names, in the order
 * given, read by `extract` (the import's worker pool on the command line).
 */
export async function suggestFiles(
  files: readonly string[],
  types: readonly NerType[],
  json: boolean,
  print: (line: string) => void,
  extract?: Extract,
): Promise<number> {
  const pool = extract ? undefined : createExtractPool(new URL('./extract-worker.js', import.meta.url))
  const read: Extract = extract ?? pool!.extract
  const limit = maxFileBytesFrom(process.env)
  let failures = 0
  const jobs = files.map(async (file) => {
    try {
      const info = await stat(file)
      if (info.size > limit) throw tooLarge(basename(file), info.size, limit)
      const { article } = await read(basename(file), new Uint8Array(await readFile(file)))
      return {
        file,
        status: 'ok' as const,
        title: article.title,
        entities: recognise(article.text, { types }),
      }
    } catch (error) {
      failures++
      return { file, status: 'failed' as const, error: failureData(file, error) }
    }
  })
  try {
    for (const job of jobs) {
      const result = await job
      if (json) print(JSON.stringify(result))
      else if (result.status === 'failed') print(`✗ ${result.file}\n  ${result.error.message}`)
      else {
        print(`✓ ${result.file}  ${result.title}`)
        for (const e of result.entities)
          print(
            `  ${String(e.start).padStart(6)}–${String(e.end).padEnd(6)} ${e.type.padEnd(12)} ${e.score.toFixed(2)}  ${e.text}`,
          )
      }
    }
  } finally {
    await pool?.close()
  }
  return failures > 0 ? 2 : 0
}
