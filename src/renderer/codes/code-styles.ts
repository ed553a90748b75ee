// The ::highlight() rules that paint each code's colour and each entity type's underline over the
// reader's text, kept in one constructed style sheet that follows the codebook and the analyst's types.
import { useEffect } from 'react'
import { ENTITY_TYPES, type Code, type Entity, type EntityTypeDef } from '../../shared/model'
import { customTypeOf, entityColor } from '../reader/annotation-colors'
import { HIGHLIGHT_PREFIX } from '../reader/mark-painter'

const HEX = /^#[0-9a-f]{6}$/i

export function codeLayer(codeId: string): string {
  return `code-${codeId}`
}

/** A suggested tag (not yet confirmed) takes a dotted line of its type's colour. */
export function entityLayer(type: string, suggested = false): string {
  return suggested ? `entity-${type}-suggested` : `entity-${type}`
}

/** The layer of an analyst's own type: ids are letters, digits, '-' and '_', safe in a highlight name. */
export function customTypeLayer(typeId: string, suggested = false): string {
  return entityLayer(`custom-${typeId}`, suggested)
}

/** The layer a mention of this entity is painted in: its own type's, if it has one, else its built-in type's. */
export function mentionLayer(
  entity: Pick<Entity, 'type' | 'customType'> | undefined,
  entityTypes: readonly EntityTypeDef[],
  suggested: boolean,
): string {
  const custom = customTypeOf(entity, entityTypes)
  return custom ? customTypeLayer(custom.id, suggested) : entityLayer(entity?.type ?? 'Other', suggested)
}

const underline = (layer: string, color: string, dotted: boolean) =>
  `::highlight(${HIGHLIGHT_PREFIX}${layer}) { text-decoration: underline${dotted ? ' dotted' : ''} 2px ${color}; text-underline-offset: 0.2em; }`

/** A highlight's background: the code's colour, lighter on light paper, deeper on dark. */
function background(color: string): string {
  return `light-dark(color-mix(in srgb, ${color} 42%, transparent), color-mix(in srgb, ${color} 38%, transparent))`
}

export function highlightRules(codes: readonly Code[], entityTypes: readonly EntityTypeDef[] = []): string {
  const rules = codes
    .filter((code) => HEX.test(code.color))
    .map(
      (code) =>
        `::highlight(${HIGHLIGHT_PREFIX}${codeLayer(code.id)}) { background-color: ${background(code.color)}; }`,
    )
  rules.push(`::highlight(${HIGHLIGHT_PREFIX}code-unknown) { background-color: ${background('#868e96')}; }`)
  for (const type of ENTITY_TYPES) {
    const color = `var(--mantine-color-${entityColor[type]}-outline)`
    rules.push(underline(entityLayer(type), color, false), underline(entityLayer(type, true), color, true))
  }
  for (const type of entityTypes) {
    if (!HEX.test(type.color) || !/^[\w-]+$/.test(type.id)) continue
    rules.push(
      underline(customTypeLayer(type.id), type.color, false),
      underline(customTypeLayer(type.id, true), type.color, true),
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
export function useHighlightStyles(codes: readonly Code[], entityTypes: readonly EntityTypeDef[]): void {
  useEffect(() => {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(highlightRules(codes, entityTypes))
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)
    }
  }, [codes, entityTypes])
}
