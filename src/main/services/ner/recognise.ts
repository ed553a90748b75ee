// Names in any text: `recognise(text)` gives each entity the tagger finds, with its offsets in UTF-16
// code units of that text, its Dossier type and how sure the tagger is (0–1).
import { sharedModel } from './load-model'
import type { NerModel } from './model'
import { NER_TYPES, type NerType } from './labels'
import { sentences, tokenize } from './tokenize'
import { withRepeats, type DocumentEntity } from './document'

export interface RecognisedEntity {
  start: number
  end: number
  type: NerType
  text: string
  score: number
}

export interface RecogniseOptions {
  /** Only these types; all by default. */
  types?: readonly NerType[]
  /** Another model than the shipped one (tests, evaluation). */
  model?: NerModel
}

/** Sentences longer than this are tagged in pieces, so one enormous line costs no more than its words. */
const LONGEST_SENTENCE = 200

export function recognise(text: string, options: RecogniseOptions = {}): RecognisedEntity[] {
  const model = options.model ?? sharedModel()
  const wanted = new Set<string>(options.types ?? NER_TYPES)
  const tokens = tokenize(text)
  const found: DocumentEntity[] = []
  // Sentences are runs of the document's tokens, so an index into a sentence is one into the document.
  let offset = 0
  for (const sentence of sentences(text, tokens)) {
    for (let at = 0; at < sentence.length; at += LONGEST_SENTENCE) {
      const piece = sentence.slice(at, at + LONGEST_SENTENCE)
      for (const span of model.tag(piece.map((t) => t.text)))
        found.push({
          first: offset + at + span.start,
          last: offset + at + span.end,
          type: span.type,
          score: span.score,
        })
    }
    offset += sentence.length
  }
  return withRepeats(tokens, found)
    .filter((e) => wanted.has(e.type))
    .map((e) => {
      const start = tokens[e.first]!.start
      const end = tokens[e.last - 1]!.end
      return { start, end, type: e.type, text: text.slice(start, end), score: round(e.score) }
    })
}

const round = (score: number) => Math.round(score * 100) / 100

/** Whether a string names one of the recogniser's types. */
export function isNerType(name: string): name is NerType {
  return (NER_TYPES as readonly string[]).includes(name)
}
