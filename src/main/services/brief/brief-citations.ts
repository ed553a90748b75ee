// The words every format prints around a brief's content: citations, the source list, the judgement
// labels and the likelihood scale, so Markdown, HTML and PDF say the same thing the same way.
import {
  CONFIDENCE_LEVELS,
  LIKELIHOODS,
  likelihoodText,
  type Confidence,
  type Likelihood,
} from '../../../shared/brief'
import type { CitedSource, ExportedExcerpt } from './brief-export'
import { formatDate } from './brief-model'

/** "Example Wire, 13 June 2023, ¶ 4" — what a footnote says of one excerpt. */
export function citationText(excerpt: ExportedExcerpt): string {
  const { source } = excerpt
  const parts = [`“${source.title}”`, source.siteName, formatDate(source.published)]
  if (excerpt.paragraph !== undefined) parts.push(`¶ ${excerpt.paragraph}`)
  if (source.grade) parts.push(`graded ${source.grade}`)
  let text = parts.filter(Boolean).join(', ')
  if (excerpt.removed) text += '. The highlight was removed from its article; its words as quoted then'
  else if (excerpt.unanchored) text += '. The passage is no longer found in the article’s current text'
  return `${text}. Source ${source.number}.`
}

/** The fields of a source list entry, in order; the URL is kept apart so each format can link it. */
export function sourceFields(source: CitedSource): string[] {
  return [
    source.siteName,
    source.byline && `by ${source.byline}`,
    source.published ? `published ${formatDate(source.published)}` : 'no published date',
    source.importedAt && `imported ${formatDate(source.importedAt)}`,
    source.grade && `source grade ${source.grade}`,
    source.originalName && `file ${source.originalName}`,
    source.missing ? 'no longer in the workspace' : undefined,
  ].filter((f): f is string => Boolean(f))
}

export const CONFIDENCE_LABEL: Record<Confidence, string> = {
  low: 'Low confidence',
  moderate: 'Moderate confidence',
  high: 'High confidence',
}

/** "Likely (55–80%) · Moderate confidence" */
export function judgementLabel(judgement: { confidence: Confidence; likelihood?: Likelihood }): string {
  const likelihood = judgement.likelihood ? likelihoodText(judgement.likelihood) : undefined
  const label = [
    likelihood && likelihood[0]!.toUpperCase() + likelihood.slice(1),
    CONFIDENCE_LABEL[judgement.confidence],
  ]
  return label.filter(Boolean).join(' · ')
}

/** The expressions of likelihood with their ranges, for the note under the judgements. */
export function likelihoodScale(): { label: string; range: string }[] {
  return Object.values(LIKELIHOODS).map(({ label, range }) => ({ label, range: `${range[0]}–${range[1]}%` }))
}

export const SCALE_NOTE =
  'Expressions of likelihood follow US Intelligence Community Directive 203; confidence (' +
  CONFIDENCE_LEVELS.join(', ') +
  ') states how well the sources support a judgement, not how likely it is.'

export function briefDateText(date: string): string | undefined {
  return date ? formatDate(date) : undefined
}
