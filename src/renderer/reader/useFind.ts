// The find bar's state: the phrase typed (found in the text as the reader shows it) or the words of the
// library search the article was opened from (found by the services, as the search matched them); the
// hits painted in the reader's hit layer, and the current one scrolled to.
import { useEffect, useRef, useState } from 'react'
import type { Article } from '../../shared/model'
import { dossier } from '../api/client'
import { findInText } from './find-in-text'
import type { ReaderMarks } from './useReaderMarks'

export interface LibrarySearchHits {
  articleId: string
  words: string
}

interface FindState {
  /** The article the bar was opened on: it closes when another one opens. */
  articleId: string
  text: string
  fromLibrary: boolean
  ranges: [number, number][]
  index: number
}

const NO_RANGES: [number, number][] = []

export function useFind(
  article: Pick<Article, 'id' | 'text' | 'blocks'> | undefined,
  marks: ReaderMarks,
  showTrimmed: boolean,
  fromSearch: LibrarySearchHits | undefined,
) {
  const [state, setState] = useState<FindState | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const articleId = article?.id
  const live = state && state.articleId === articleId ? state : null

  // Opened from a library search: its words are found in this article and the first hit is shown.
  const searchKey = fromSearch && fromSearch.articleId === articleId ? fromSearch.words : undefined
  useEffect(() => {
    if (!articleId || !searchKey) return
    let current = true
    dossier.library.hits({ articleId, text: searchKey, includeTrimmed: showTrimmed }).then(
      (hits) =>
        current && setState({ articleId, text: searchKey, fromLibrary: true, ranges: hits.ranges, index: 0 }),
      () => undefined,
    )
    return () => {
      current = false
    }
    // Trimmed text shown later does not search again: the bar's own phrase does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleId, searchKey])

  // The bar's own phrase, found as it is typed.
  const typed = live && !live.fromLibrary ? live.text : undefined
  useEffect(() => {
    if (typed === undefined || !article) return
    const timer = window.setTimeout(() => {
      const ranges = findInText(article, typed, showTrimmed)
      setState((s) => (s && s.articleId === article.id ? { ...s, ranges, index: 0 } : s))
    }, 60)
    return () => window.clearTimeout(timer)
  }, [typed, article, showTrimmed])

  const ranges = live?.ranges ?? NO_RANGES
  useEffect(() => {
    marks.painter()?.set(
      'hits',
      ranges.map(([start, end], i) => ({ id: `hit${i}`, start, end, layer: 'hit' })),
      { windowed: true },
    )
  }, [ranges, marks, marks.complete])

  const index = Math.min(live?.index ?? 0, Math.max(0, ranges.length - 1))
  const current = ranges[index]
  // Each hit is scrolled to once, when it becomes the current one; repainting marks does not move the view.
  const revealed = useRef<[number, number] | undefined>(undefined)
  useEffect(() => {
    if (!current || !marks.complete || revealed.current === current) return
    if (marks.reveal(current[0], current[1])) revealed.current = current
  }, [current, marks, marks.complete])

  return {
    open: live !== null,
    text: live?.text ?? '',
    fromLibrary: live?.fromLibrary ?? false,
    count: ranges.length,
    index,
    /** The hit stepped to, as [start, end) of the text. */
    current,
    inputRef,
    show() {
      if (!articleId) return
      if (!live) setState({ articleId, text: '', fromLibrary: false, ranges: [], index: 0 })
      requestAnimationFrame(() => {
        inputRef.current?.focus()
        inputRef.current?.select()
      })
    },
    setText(text: string) {
      if (articleId) setState((s) => ({ articleId, ranges: [], index: 0, ...s, text, fromLibrary: false }))
    },
    step(delta: number) {
      if (ranges.length === 0) return
      setState((s) => s && { ...s, index: (index + delta + ranges.length) % ranges.length })
    },
    close() {
      setState(null)
    },
  }
}
