// Makes editing a wide element cost jsdom the same for the thousandth child as for the first.
//
// A page of 16,000 empty paragraphs took 97 s to import, four times as long for twice as many.
// Profiling put the time in jsdom (26.1), under Readability's edits of <body>: every removal or
// insertion under a parent whose `children` or `childNodes` had been read rebuilt those lists in
// full (Node-impl `_modified`), and every removal walked the preceding siblings to find its own
// index (Node-impl `_remove`), which only live Ranges need. Readability reads `children`, removes
// empty paragraphs from the last one back, and restores the body with innerHTML on each of its
// retries, so both costs were paid once per child: quadratic.
//
// A list of 8,000 empty items showed a third cost, quadratic too: reading `.length` of an
// HTMLCollection (Readability does it on every turn of a loop over `children`) first scans every
// element for an id or name "length", as jsdom's proxy looks for a named property before it sees
// that `length` is the prototype's, which wins anyway (WebIDL: no [LegacyOverrideBuiltIns]).
//
// All three are bookkeeping with no effect on the tree: the lists already bring themselves up to date
// when read (they compare versions), and the index is only used to move Ranges, which nothing here
// creates. So the two steps are skipped where they change nothing, and jsdom's result, and so
// Readability's, stays the same node for node. Should a jsdom upgrade move these internals, the
// patch does nothing and the per-file time limit still applies; its test says so.
import { createRequire } from 'node:module'
import type { JSDOM } from 'jsdom'

interface SymbolTree {
  index(node: object): number
  treeIterator(node: object): Iterable<NodeImpl>
}

interface CollectionImpl {
  namedItem(key: string): unknown
}

interface NodeImpl {
  _childrenList: unknown
  _childNodesList: unknown
  _referencedRanges: Set<unknown>
  _modified(): void
  _remove(node: NodeImpl, suppressObservers?: boolean): void
}

let state: 'unpatched' | 'patched' | 'unavailable' = 'unpatched'

function implOf(node: object): NodeImpl | undefined {
  const symbol = Object.getOwnPropertySymbols(node).find((s) => s.description === 'impl')
  return symbol ? (node as Record<symbol, NodeImpl>)[symbol] : undefined
}

function nodePrototype(impl: NodeImpl): NodeImpl | undefined {
  for (let proto = Object.getPrototypeOf(impl); proto; proto = Object.getPrototypeOf(proto))
    if (Object.prototype.hasOwnProperty.call(proto, '_modified')) return proto as NodeImpl
  return undefined
}

function loadTree(): SymbolTree | undefined {
  try {
    const require = createRequire(import.meta.url)
    return require('jsdom/lib/jsdom/living/helpers/internal-constants.js').domSymbolTree
  } catch {
    return undefined
  }
}

/** Names an HTMLCollection has on its prototype, which a named property never hides. */
const BUILT_IN = new Set(['length', 'item', 'namedItem'])
/** Set while the page's own `collection.namedItem(name)` runs, which must find even "length". */
const EXACT = Symbol('exact named lookup')

function patchCollections(dom: JSDOM): boolean {
  const sample = implOf(dom.window.document.getElementsByTagName('p')) as CollectionImpl | undefined
  const proto = sample && (Object.getPrototypeOf(sample) as CollectionImpl & { [EXACT]?: boolean })
  if (!proto || typeof proto.namedItem !== 'function') return false
  const namedItem = proto.namedItem
  proto.namedItem = function (this: CollectionImpl & { [EXACT]?: boolean }, key: string) {
    return BUILT_IN.has(key) && !this[EXACT] ? null : namedItem.call(this, key)
  }
  return true
}

/** Per window: the page-visible `namedItem` keeps its full lookup. */
function exactNamedItem(dom: JSDOM): void {
  const proto = dom.window.HTMLCollection.prototype
  const namedItem = proto.namedItem
  proto.namedItem = function (this: HTMLCollection, name: string) {
    const impl = implOf(this) as { [EXACT]?: boolean } | undefined
    if (impl) impl[EXACT] = true
    try {
      return namedItem.call(this, name)
    } finally {
      if (impl) impl[EXACT] = false
    }
  }
}

/** Applies the patch once per process, using `dom` to reach jsdom's node class. Returns whether
 * it is in place. */
export function makeJsdomEditsLinear(dom: JSDOM): boolean {
  if (state === 'patched') exactNamedItem(dom)
  if (state !== 'unpatched') return state === 'patched'
  state = 'unavailable'
  const body = implOf(dom.window.document.documentElement)
  const proto = body && nodePrototype(body)
  const tree = loadTree()
  if (
    !body ||
    !proto ||
    !tree ||
    typeof proto._remove !== 'function' ||
    !('_childrenList' in body && '_childNodesList' in body && body._referencedRanges instanceof Set) ||
    tree.index(body) < 0 || // not the tree this jsdom builds with
    !patchCollections(dom)
  )
    return false
  exactNamedItem(dom)

  const modified = proto._modified
  proto._modified = function (this: NodeImpl) {
    // Hidden for the call only: the lists update themselves on their next read.
    const children = this._childrenList
    const childNodes = this._childNodesList
    this._childrenList = null
    this._childNodesList = null
    try {
      modified.call(this)
    } finally {
      this._childrenList = children
      this._childNodesList = childNodes
    }
  }

  const remove = proto._remove
  const index = tree.index
  proto._remove = function (this: NodeImpl, node: NodeImpl, suppressObservers?: boolean) {
    let ranged = this._referencedRanges.size > 0
    if (!ranged)
      for (const descendant of tree.treeIterator(node))
        if ((ranged = descendant._referencedRanges.size > 0)) break
    if (ranged) return remove.call(this, node, suppressObservers)
    // `_remove` asks for the removed node's index first, and uses it only to move Ranges: answer
    // that one question without the walk, then put the real method back.
    tree.index = (asked: object) => {
      tree.index = index
      return asked === node ? 0 : index.call(tree, asked)
    }
    try {
      return remove.call(this, node, suppressObservers)
    } finally {
      tree.index = index
    }
  }
  state = 'patched'
  return true
}
