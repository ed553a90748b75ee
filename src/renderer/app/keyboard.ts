// Small keyboard helpers shared by the global and the per-pane shortcuts.

/** True while the analyst is typing, so single-letter shortcuts must not fire. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type)
  }
  return false
}

/** Ctrl on Windows and Linux, Cmd on macOS. */
export function hasMod(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey'>): boolean {
  return event.ctrlKey || event.metaKey
}

export function hasAnyModifier(event: KeyboardEvent | React.KeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey || event.altKey
}

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

/** How the platform's command key is written in labels: "Ctrl" or "⌘". */
export const modLabel = isMac ? '⌘' : 'Ctrl'

/**
 * True when a modal dialog is open, so pane shortcuts should leave the keyboard to it. Modals live in
 * portals at the end of the body; only those are searched, never the article's text (a key press must
 * not cost a walk over a long article's DOM).
 */
export function isDialogOpen(): boolean {
  for (const child of document.body.children) {
    if (child.matches('[role="dialog"][aria-modal="true"]')) return true
    if (child.hasAttribute('data-portal') && child.querySelector('[role="dialog"][aria-modal="true"]'))
      return true
  }
  return false
}
