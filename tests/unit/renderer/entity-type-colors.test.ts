// An entity of the analyst's own type is painted in that type's colour in the reader (its mentions'
// layer and the ::highlight rule for it), and shown in it elsewhere; the built-in types keep theirs.
import { describe, expect, it } from 'vitest'
import { highlightRules, mentionLayer } from '../../../src/renderer/codes/code-styles'
import { entityBadgeColor, entityTypeColor } from '../../../src/renderer/reader/annotation-colors'
import { HIGHLIGHT_PREFIX } from '../../../src/renderer/reader/mark-painter'
import type { EntityTypeDef } from '../../../src/shared/model'

const vessel: EntityTypeDef = {
  id: 'type000vessel',
  name: 'Vessel',
  color: '#d9480f',
  createdAt: '2026-01-01T00:00:00.000Z',
}
const types = [vessel]

/** The declaration block of the ::highlight rule of this layer, or undefined. */
function ruleOf(css: string, layer: string): string | undefined {
  const head = `::highlight(${HIGHLIGHT_PREFIX}${layer}) {`
  const line = css.split('\n').find((l) => l.startsWith(head))
  return line?.slice(head.length)
}

describe('custom entity type colours', () => {
  it('paints a confirmed mention of a custom-typed entity with a solid underline of the type colour', () => {
    const layer = mentionLayer({ type: 'Other', customType: vessel.id }, types, false)
    const rule = ruleOf(highlightRules([], types), layer)
    expect(rule).toContain('underline 2px #d9480f')
    expect(rule).not.toContain('dotted')
  })

  it('paints a suggested one dotted, in the same colour', () => {
    const layer = mentionLayer({ type: 'Other', customType: vessel.id }, types, true)
    expect(ruleOf(highlightRules([], types), layer)).toContain('underline dotted 2px #d9480f')
  })

  it('paints a built-in type, or a custom type that no longer exists, in the built-in colour', () => {
    const css = highlightRules([], types)
    expect(ruleOf(css, mentionLayer({ type: 'Person' }, types, false))).toContain(
      '--mantine-color-grape-outline',
    )
    const gone = mentionLayer({ type: 'Other', customType: 'type000deleted' }, types, false)
    expect(ruleOf(css, gone)).toContain('--mantine-color-gray-outline')
  })

  it('gives swatches and badges the custom colour, and the built-in one otherwise', () => {
    expect(entityTypeColor({ type: 'Other', customType: vessel.id }, types)).toBe('#d9480f')
    expect(entityBadgeColor({ type: 'Other', customType: vessel.id }, types)).toBe('#d9480f')
    expect(entityTypeColor({ type: 'Location' }, types)).toBe('var(--mantine-color-teal-outline)')
    expect(entityBadgeColor({ type: 'Location' }, types)).toBe('teal')
  })

  it('writes no rule for a colour that is not a plain hex colour', () => {
    const css = highlightRules(
      [],
      [{ id: 'type000bad', name: 'Bad', color: 'red; }', createdAt: '2026-01-01T00:00:00.000Z' }],
    )
    expect(css).not.toContain('type000bad')
  })
})
