// The network's colours, read from the Mantine variables in force on the page: a canvas cannot use CSS
// variables, so they are resolved once per colour scheme.
import { entityCssColor } from '../reader/annotation-colors'
import type { NetworkNode, NetworkPalette } from './network-graph'

/** The value of a `var(--name)` colour as computed at `element`; any other colour as it is. */
function resolve(element: Element, color: string): string {
  const variable = /^var\((--[\w-]+)\)$/.exec(color)?.[1]
  if (!variable) return color
  return getComputedStyle(element).getPropertyValue(variable).trim() || 'gray'
}

/** The colour the canvas is drawn over: the first ancestor with a background of its own. */
function surfaceOf(element: Element): string {
  for (let at: Element | null = element; at; at = at.parentElement) {
    const color = getComputedStyle(at).backgroundColor
    if (color && color !== 'transparent' && color !== 'rgba(0, 0, 0, 0)') return color
  }
  return resolve(element, 'var(--mantine-color-body)')
}

export function readPalette(element: Element, scheme: 'light' | 'dark'): NetworkPalette {
  const byType = new Map<string, string>()
  const color = (css: string) => resolve(element, css)
  return {
    font: getComputedStyle(element).fontFamily || 'sans-serif',
    text: color('var(--mantine-color-text)'),
    background: surfaceOf(element),
    edge: color(scheme === 'dark' ? 'var(--mantine-color-dark-2)' : 'var(--mantine-color-gray-5)'),
    accent: color('var(--mantine-primary-color-filled)'),
    nodeColor(node: NetworkNode) {
      if (node.customType) return node.customType.color
      let found = byType.get(node.type)
      if (found === undefined) byType.set(node.type, (found = color(entityCssColor(node.type))))
      return found
    },
  }
}
