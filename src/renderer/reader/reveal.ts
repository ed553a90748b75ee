// Scrolls the reader to an annotation's mark and flashes it, for clicks in the inspector. A mark inside
// a hidden trimmed passage is first brought into view by asking the reader to show trimmed text.

/** Dispatched on window when a mark to reveal is not rendered; the reader then shows trimmed passages. */
export const SHOW_TRIMMED_EVENT = 'dossier:show-trimmed'

function marksFor(selector: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`[data-testid="reader"] ${selector}`)]
}

function flash(marks: HTMLElement[]): void {
  const first = marks[0]
  if (!first) return
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches
  first.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' })
  for (const mark of marks) {
    mark.animate(
      [
        { outline: '3px solid var(--mantine-color-orange-5)', outlineOffset: '2px' },
        { outline: '3px solid transparent', outlineOffset: '2px' },
      ],
      { duration: 1400, easing: 'ease-out', delay: reduced ? 0 : 250 },
    )
  }
}

export function revealInReader(selector: string): void {
  const marks = marksFor(selector)
  if (marks.length > 0) return flash(marks)
  window.dispatchEvent(new Event(SHOW_TRIMMED_EVENT))
  // The passages render on the next frames.
  window.setTimeout(() => flash(marksFor(selector)), 80)
}

export function highlightSelector(id: string): string {
  return `[data-highlight-id="${CSS.escape(id)}"]`
}

export function mentionSelector(id: string): string {
  return `[data-mention-id="${CSS.escape(id)}"]`
}
