// What a bench scenario is: a named run that returns figures, each optionally checked against a target.
// A new scenario (HTML import, PDF import, batch import) is one more file in bench/scenarios/.

export interface Target {
  /** Which of the figure's values the target applies to, e.g. 'p95'. */
  stat: string
  /** The value must be below this, in the figure's unit. */
  below: number
  /** Where the number comes from, shown next to it, e.g. 'product issue'. */
  source?: string
}

export interface Figure {
  name: string
  unit: string
  /** Named values in `unit`, printed in this order: { median, max } or { p50, p95 }. */
  values: Record<string, number>
  target?: Target
  /** Raw samples in `unit`, kept in latest.json so a later look does not need a rerun. */
  samples?: number[]
}

export interface ScenarioOutput {
  figures: Figure[]
  /** Facts about the fixture (article count, file sizes) that make the figures comparable between runs. */
  facts?: Record<string, string | number>
}

export interface Scenario {
  name: string
  /** Prepares its own fixtures in a temp folder and removes them, also on failure. */
  run(log: (line: string) => void): Promise<ScenarioOutput>
}

export function verdict(figure: Figure): 'PASS' | 'FAIL' | undefined {
  if (!figure.target) return undefined
  const value = figure.values[figure.target.stat]
  return value !== undefined && value < figure.target.below ? 'PASS' : 'FAIL'
}
