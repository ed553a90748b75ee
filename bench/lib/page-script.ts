// Puts bench/page/reader-probes.ts into pages and calls it by name. The file is transpiled here with
// TypeScript rather than passed as functions to page.evaluate: tsx wraps named functions in a `__name`
// helper the page does not have, and the page code keeps its DOM types out of the Node project.
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import ts from 'typescript'
import type { ReaderProbes } from './reader-probe-api'

const SOURCE = new URL('../page/reader-probes.ts', import.meta.url)

let script: string | undefined

/** The probes as a classic script that sets globalThis.readerProbes. */
export async function probeScript(): Promise<string> {
  if (script) return script
  const source = await readFile(SOURCE, 'utf8')
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  })
  // Only type imports, which transpiling removes; what is left is a module with no exports.
  script = `(() => {\n${outputText.replace(/^export \{\};?$/m, '')}\n})()`
  return script
}

type Method = keyof ReaderProbes
type Result<M extends Method> = Awaited<ReturnType<ReaderProbes[M]>>

/** Calls one probe in the page, with JSON arguments, and returns what it resolves to. */
export async function probe<M extends Method>(
  page: Page,
  method: M,
  ...args: Parameters<ReaderProbes[M]>
): Promise<Result<M>> {
  const list = args.map((arg) => JSON.stringify(arg)).join(', ')
  return (await page.evaluate(`globalThis.readerProbes.${method}(${list})`)) as Result<M>
}
