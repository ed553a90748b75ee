// Prints figures as an aligned table with PASS/FAIL, and writes the whole run as JSON for comparison.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { verdict, type Figure, type ScenarioOutput } from './scenario'

export interface ScenarioReport extends ScenarioOutput {
  name: string
  durationMs: number
  peakRssMb: number
  error?: string
}

/** Few digits where they mean something: 3.42 ms, 41.7 ms, 312 ms. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  if (Math.abs(value) < 10) return value.toFixed(2)
  if (Math.abs(value) < 100) return value.toFixed(1)
  return value.toFixed(0)
}

function withUnit(value: number, unit: string): string {
  return unit === '×' ? `${formatNumber(value)}×` : `${formatNumber(value)} ${unit}`
}

export function formatFigure(figure: Figure): string {
  const values = Object.entries(figure.values)
    .map(([stat, value]) => `${stat} ${withUnit(value, figure.unit)}`)
    .join('  ')
  const target = figure.target
    ? `target ${figure.target.stat} < ${withUnit(figure.target.below, figure.unit)}`
    : ''
  return [figure.name.padEnd(40), values.padEnd(34), target.padEnd(28), verdict(figure) ?? '']
    .join(' ')
    .trimEnd()
}

/** The body under a scenario's heading (the heading is printed before it runs, to show progress). */
export function formatScenario(report: ScenarioReport): string {
  const lines: string[] = []
  for (const [fact, value] of Object.entries(report.facts ?? {})) lines.push(`   ${fact}: ${value}`)
  for (const figure of report.figures) lines.push(`   ${formatFigure(figure)}`)
  if (report.error) lines.push(`   ERROR ${report.error}`)
  lines.push(`   (${(report.durationMs / 1000).toFixed(1)} s)`)
  return lines.join('\n')
}

export async function writeJson(path: string, data: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, `${JSON.stringify(data, null, 2)}\n`)
}
