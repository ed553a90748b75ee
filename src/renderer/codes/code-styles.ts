// The ::highlight() rules that paint each code's colour and each entity type's underline over the
// reader's text, kept in one constructed style sheet that follows the codebook.
import { useEffect } from 'react'
import { ENTITY_TYPES, type Code } from '../../shared/model'
import { entityColor } from '../reader/annotation-colors'
import { HIGHLIGHT_PREFIX } from '../reader/mark-painter'

const HEX = /^#[0-9a-f]{6}$/i

export function codeLayer(codeId: string): string {
  return `code-${codeId}`
}

/** A suggested tag (not yet confirmed) takes a dotted line of its type's colour. */
export function entityLayer(type: string, suggested = false): string {
  return suggested ? `entity-${type}-suggested` : `entity-${type}`
}

/** A highlight's background: the code's colour, lighter on light paper, deeper on dark. */
function background(color: string): string {
  return `light-dark(color-mix(in srgb, ${color} 42%, transparent), color-mix(in srgb, ${color} 38%, transparent))`
}

export function highlightRules(codes: readonly Code[]): string {
  const rules = codes
    .filter((code) => HEX.test(code.color))
    .map(
      (code) =>
        `::highlight(${HIGHLIGHT_PREFIX}${codeLayer(code.id)}) { background-color: ${background(code.color)}; }`,
    )
  rules.push(`::highlight(${HIGHLIGHT_PREFIX}code-unknown) { background-color: ${background('#868e96')}; }`)
  for (const type of ENTITY_TYPES) {
    rules.push(
      `::highlight(${HIGHLIGHT_PREFIX}${entityLayer(type)}) { text-decoration: underline 2px var(--mantine-color-${entityColor[type]}-outline); text-underline-offset: 0.2em; }`,
      `::highlight(${HIGHLIGHT_PREFIX}${entityLayer(type, true)}) { text-decoration: underline dotted 2px var(--mantine-color-${entityColor[type]}-outline); text-underline-offset: 0.2em; }`,
    )
  }
  rules.push(
    `::highlight(${HIGHLIGHT_PREFIX}hit) { background-color: light-dark(rgba(255, 146, 43, 0.55), rgba(255, 146, 43, 0.45)); }`,
    `::highlight(${HIGHLIGHT_PREFIX}flash) { background-color: light-dark(rgba(253, 126, 20, 0.6), rgba(253, 126, 20, 0.55)); }`,
    `::highlight(${HIGHLIGHT_PREFIX}focus) { text-decoration: underline 3px var(--mantine-color-orange-6); }`,
  )
  return rules.join('\n')
}

/** Keeps the highlight rules in the document while mounted. */
export function useHighlightStyles(codes: readonly Code[]): void {
  useEffect(() => {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(highlightRules(codes))
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)
    }
  }, [codes])
}
