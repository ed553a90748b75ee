// The sentences a highlighted fragment stands in: what the composer shows when the analyst asks where
// a few words came from. Sentences are found with the platform's segmenter in the article's language
// and never reach past the paragraphs the fragment is in.
import type { ExcerptContext } from '../../../shared/brief'
import type { Article } from '../../../shared/model'

/** Beyond this many characters either side, a sentence is cut at a word and marked with "…". */
const MAX_SIDE = 400

function segmenter(language: string | undefined): Intl.Segmenter {
  try {
    return new Intl.Segmenter(language || 'en', { granularity: 'sentence' })
  } catch {
    return new Intl.Segmenter('en', { granularity: 'sentence' })
  }
}

/** The sentence boundaries of `text` that hold `offset`: [start, end). */
function sentenceAround(sentences: Intl.Segments, offset: number): [number, number] {
  const segment = sentences.containing(offset)
  if (!segment) return [offset, offset]
  return [segment.index, segment.index + segment.segment.length]
}

function cutStart(text: string): string {
  if (text.length <= MAX_SIDE) return text
  const tail = text.slice(-MAX_SIDE)
  const space = tail.search(/\s/)
  return `…${space >= 0 ? tail.slice(space) : tail}`
}

function cutEnd(text: string): string {
  if (text.length <= MAX_SIDE) return text
  const head = text.slice(0, MAX_SIDE)
  const space = head.search(/\s\S*$/)
  return `${space > 0 ? head.slice(0, space) : head}…`
}

export function sentenceContext(
  article: Pick<Article, 'text' | 'blocks' | 'language'>,
  start: number,
  end: number,
): ExcerptContext {
  const first = article.blocks.find((b) => start >= b.start && start < b.end)
  const last = article.blocks.findLast((b) => end > b.start && end <= b.end) ?? first
  const from = Math.min(first?.start ?? start, start)
  const to = Math.max(last?.end ?? end, end)
  const text = article.text.slice(from, to)
  const sentences = segmenter(article.language).segment(text)
  const [sentenceStart] = sentenceAround(sentences, start - from)
  const [, sentenceEnd] = sentenceAround(sentences, Math.max(start - from, end - from - 1))
  return {
    before: cutStart(text.slice(sentenceStart, start - from).trimStart()),
    quote: article.text.slice(start, end),
    after: cutEnd(text.slice(end - from, sentenceEnd).trimEnd()),
  }
}
