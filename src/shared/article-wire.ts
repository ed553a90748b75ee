// The open article over HTTP, packed: a highlight's or mention's quote selector is left out wherever it
// is exactly what the text gives at its position (the quote is stored for finding the passage again,
// and the text is in the same reply), and put back on arrival. Lossless: a quote that differs from the
// text, as after the text moved, travels as it is. A 1 MB article with 5,000 highlights is about a
// third smaller, and every part of the trip (encoding, transfer, parsing) costs by the byte.
import type { ArticleView } from './api'
import type { TextQuoteSelector, TextTarget } from './model'
import { quoteSelector } from './text-quote'

type PackedTarget = Omit<TextTarget, 'quote'> & { quote?: TextQuoteSelector }

function sameQuote(a: TextQuoteSelector, b: TextQuoteSelector): boolean {
  return a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix
}

function packTarget(text: string, target: TextTarget): PackedTarget {
  if (!sameQuote(target.quote, quoteSelector(text, target.position))) return target
  return { position: target.position }
}

function unpackTarget(text: string, target: PackedTarget): TextTarget {
  return target.quote ? (target as TextTarget) : { ...target, quote: quoteSelector(text, target.position) }
}

function packAll<T extends { target: TextTarget }>(text: string, items: readonly T[]) {
  return items.map((item) => ({ ...item, target: packTarget(text, item.target) }))
}

/** For the reply to articles.get: new objects, the store's article is left as it is. */
export function packArticleView(view: ArticleView): unknown {
  const { text } = view.article
  return {
    ...view,
    article: {
      ...view.article,
      highlights: packAll(text, view.article.highlights),
      mentions: packAll(text, view.article.mentions),
    },
  }
}

/** Undoes packArticleView on a parsed reply, in place. */
export function unpackArticleView(packed: unknown): ArticleView {
  const view = packed as ArticleView
  const { text } = view.article
  const restore = (items: { target: TextTarget }[]) => {
    for (const item of items) item.target = unpackTarget(text, item.target as PackedTarget)
  }
  restore(view.article.highlights)
  restore(view.article.mentions)
  return view
}
