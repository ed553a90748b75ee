// Scrolls the reader to an annotation's mark and flashes it, for clicks in the inspector.

export function revealInReader(selector: string): void {
  const marks = [...document.querySelectorAll<HTMLElement>(`[data-testid="reader"] ${selector}`)]
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

export function highlightSelector(id: string): string {
  return `[data-highlight-id="${CSS.escape(id)}"]`
}

export function mentionSelector(id: string): string {
  return `[data-mention-id="${CSS.escape(id)}"]`
}
