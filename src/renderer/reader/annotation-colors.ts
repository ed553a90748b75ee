// Colours of highlight categories and entity types, shared by the reader and the inspector.
import type { EntityType, HighlightColor } from '../../shared/model'

export const HIGHLIGHT_COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink']

export const highlightColorLabel: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
}

/** A swatch colour that reads in both schemes (the marks themselves are styled in Reader.module.css). */
export const highlightSwatch: Record<HighlightColor, string> = {
  yellow: 'var(--mantine-color-yellow-4)',
  green: 'var(--mantine-color-lime-5)',
  blue: 'var(--mantine-color-cyan-4)',
  pink: 'var(--mantine-color-pink-4)',
}

/** Mantine palette name per entity type. */
export const entityColor: Record<EntityType, string> = {
  Person: 'grape',
  Organization: 'blue',
  Location: 'teal',
  Equipment: 'orange',
  Event: 'pink',
  Date: 'cyan',
  Other: 'gray',
}

export function entityCssColor(type: EntityType): string {
  return `var(--mantine-color-${entityColor[type]}-outline)`
}
