// A brief: the document the analyst writes from many articles, kept as briefs/<id>.json. An excerpt
// points at a highlight and keeps a copy of its words, so a highlight removed from its article leaves
// the excerpt in the brief, marked, instead of a hole.
import { z } from 'zod'
import { Id } from './model'

export const BRIEF_SCHEMA_VERSION = 1

/** Confidence in a judgement, as analytic standards state it. */
export const CONFIDENCE_LEVELS = ['low', 'moderate', 'high'] as const
export const Confidence = z.enum(CONFIDENCE_LEVELS)
export type Confidence = z.infer<typeof Confidence>

/** The expressions of likelihood of US ICD 203, each with its probability range in percent. */
export const LIKELIHOODS = {
  'almost-no-chance': { label: 'almost no chance', range: [1, 5] },
  'very-unlikely': { label: 'very unlikely', range: [5, 20] },
  unlikely: { label: 'unlikely', range: [20, 45] },
  'roughly-even': { label: 'roughly even chance', range: [45, 55] },
  likely: { label: 'likely', range: [55, 80] },
  'very-likely': { label: 'very likely', range: [80, 95] },
  'almost-certain': { label: 'almost certain', range: [95, 99] },
} as const satisfies Record<string, { label: string; range: readonly [number, number] }>
export type Likelihood = keyof typeof LIKELIHOODS
export const Likelihood = z.enum(Object.keys(LIKELIHOODS) as [Likelihood, ...Likelihood[]])

export const Judgement = z.object({
  id: Id,
  text: z.string().max(20_000),
  confidence: Confidence,
  likelihood: Likelihood.optional(),
})
export type Judgement = z.infer<typeof Judgement>

/** What an excerpt knew of its highlight when it was added, shown if the highlight is gone. */
export const ExcerptCopy = z.object({
  quote: z.string().max(200_000),
  articleTitle: z.string().max(2000),
  codeName: z.string().max(200).optional(),
})

export const ExcerptItem = z.object({
  kind: z.literal('excerpt'),
  id: Id,
  articleId: Id,
  highlightId: Id,
  /** The analyst's commentary under the quote. */
  commentary: z.string().max(20_000),
  copy: ExcerptCopy,
})
export type ExcerptItem = z.infer<typeof ExcerptItem>

export const ParagraphItem = z.object({
  kind: z.literal('paragraph'),
  id: Id,
  text: z.string().max(50_000),
})
export type ParagraphItem = z.infer<typeof ParagraphItem>

export const BriefItem = z.discriminatedUnion('kind', [ExcerptItem, ParagraphItem])
export type BriefItem = z.infer<typeof BriefItem>

export const BriefSection = z.object({
  id: Id,
  title: z.string().max(500),
  items: z.array(BriefItem).max(5000),
})
export type BriefSection = z.infer<typeof BriefSection>

export const Paper = z.enum(['a4', 'letter'])
export type Paper = z.infer<typeof Paper>

export const BriefOptions = z.object({
  paper: Paper,
  /** Print the ICD 203 scale as a note after the key judgements. */
  likelihoodScale: z.boolean(),
  /** End with an appendix of the entities the cited passages mention. */
  entityAppendix: z.boolean(),
})
export type BriefOptions = z.infer<typeof BriefOptions>

/** The parts of a brief the analyst writes; what `briefs.save` takes. */
export const BriefContent = z.object({
  title: z.string().trim().min(1).max(500),
  /** Printed on every page, e.g. "UNCLASSIFIED // FOR OFFICIAL USE ONLY". */
  handling: z.string().max(300),
  author: z.string().max(300),
  /** The brief's date as YYYY-MM-DD, or empty for none. */
  date: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a YYYY-MM-DD date')]),
  /** The bottom line up front. */
  bluf: z.string().max(20_000),
  judgements: z.array(Judgement).max(100),
  sections: z.array(BriefSection).max(200),
  options: BriefOptions,
})
export type BriefContent = z.infer<typeof BriefContent>

export const Brief = BriefContent.extend({
  schemaVersion: z.literal(BRIEF_SCHEMA_VERSION),
  id: Id,
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Brief = z.infer<typeof Brief>

/** One row of the briefs list. */
export const BriefSummary = z.object({
  id: Id,
  title: z.string(),
  updatedAt: z.string(),
  excerpts: z.number().int().nonnegative(),
  sections: z.number().int().nonnegative(),
})
export type BriefSummary = z.infer<typeof BriefSummary>

/** How one excerpt of a brief stands now in its article: what the composer shows on its card. */
export const ExcerptState = z.object({
  itemId: Id,
  number: z.number().int().positive(),
  /** The footnote the exports print for it. */
  citation: z.string(),
  code: z.object({ name: z.string(), color: z.string() }).optional(),
  paragraph: z.number().int().positive().optional(),
  grade: z.string().optional(),
  removed: z.boolean(),
  unanchored: z.boolean(),
})
export type ExcerptState = z.infer<typeof ExcerptState>

/** A highlighted fragment with the rest of the sentences it stands in. */
export const ExcerptContext = z.object({ before: z.string(), quote: z.string(), after: z.string() })
export type ExcerptContext = z.infer<typeof ExcerptContext>

export function summarizeBrief(brief: Brief): BriefSummary {
  return {
    id: brief.id,
    title: brief.title,
    updatedAt: brief.updatedAt,
    excerpts: brief.sections.reduce((n, s) => n + s.items.filter((i) => i.kind === 'excerpt').length, 0),
    sections: brief.sections.length,
  }
}

/** "likely (55–80%)" */
export function likelihoodText(likelihood: Likelihood): string {
  const { label, range } = LIKELIHOODS[likelihood]
  return `${label} (${range[0]}–${range[1]}%)`
}

/** Source reliability (A–F) and information credibility (1–6) of the Admiralty (NATO) system. */
export const RELIABILITY = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
} as const
export const CREDIBILITY = {
  '1': 'Confirmed by other sources',
  '2': 'Probably true',
  '3': 'Possibly true',
  '4': 'Doubtful',
  '5': 'Improbable',
  '6': 'Truth cannot be judged',
} as const

/** What an Admiralty grade such as "B2" says, in words: "B: usually reliable · 2: probably true". */
export function gradeMeaning(grade: string): string | undefined {
  const reliability = RELIABILITY[grade[0] as keyof typeof RELIABILITY]
  const credibility = CREDIBILITY[grade[1] as keyof typeof CREDIBILITY]
  if (!reliability || !credibility || grade.length !== 2) return undefined
  return `${grade[0]}: ${reliability.toLowerCase()} · ${grade[1]}: ${credibility.toLowerCase()}`
}
