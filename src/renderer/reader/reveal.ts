// Asks the reader to scroll to an annotation or a range and flash it: from the inspector, the list of all
// highlights, or a search result. The request waits for the article to be open and rendered.

export type RevealTarget = { highlightId: string } | { mentionId: string } | { start: number; end: number }

/** Dispatched on window with a RevealTarget as detail. */
export const REVEAL_EVENT = 'dossier:reveal'

let pending: { articleId: string | undefined; target: RevealTarget } | null = null
/** The article the last request was taken for: its reading place must not override it. */
let takenFor: string | null = null

/** Reveals in the open article, or in `articleId` once it is open. */
export function revealInReader(target: RevealTarget, articleId?: string): void {
  pending = { articleId, target }
  window.dispatchEvent(new CustomEvent<RevealTarget>(REVEAL_EVENT, { detail: target }))
}

/** The request still waiting for `articleId` (taken: it is handed out once). */
export function takePendingReveal(articleId: string): RevealTarget | null {
  if (!pending || (pending.articleId !== undefined && pending.articleId !== articleId)) return null
  const { target } = pending
  pending = null
  takenFor = articleId
  return target
}

/** Whether a request waits for `articleId` or was just handed out for it. */
export function peekPendingReveal(articleId: string): boolean {
  if (takenFor === articleId) return true
  return pending !== null && (pending.articleId === undefined || pending.articleId === articleId)
}

export function clearPendingReveal(): void {
  pending = null
}
