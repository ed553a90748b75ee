// Keeps the last few `children` and `childNodes` lists read until the tree next changes.
//
// linkedom builds both lists afresh, walking every child, on each read. Readability reads
// `node.children.length` and `node.children[i]` on every turn of a loop over a list's items
// (`_cleanConditionally`), so a page with a list of 8,000 empty items took 9 s, four times as long
// for twice as many. linkedom/cached keeps these lists too, but also routes getElementsByTagName
// through its selector engine, which made every import slower; so only the two lists are kept here.
//
// Every change to the tree goes through one of two methods: `insertBefore` (which append, prepend,
// before, after, replaceWith, replaceChild, replaceChildren, innerHTML and textContent all call) or a
// child's own `remove()` (which insertBefore calls on a node it moves). Wrapping those two to count
// changes tells when a kept list is stale; Ranges, which edit without them, are never made here.
// Only the few most recently read lists are kept (a loop reads its list and each item's in turn):
// keeping every node's list cost more on ordinary pages, one map entry per node read, than it saved.
// A list served a second time is frozen, so a caller that tried to change one would fail loudly,
// not corrupt the next read. Should a linkedom upgrade move these methods, nothing is patched and
// lists are built as before, only slower; the inert DOM's test says so.
import { CharacterData, Element } from 'linkedom'

type ListName = 'children' | 'childNodes'

interface Kept {
  node: object
  name: ListName
  list: object
}

/** How many lists are kept, most recently read first. */
const KEPT = 4
let kept: Kept[] = []
let state: 'unpatched' | 'patched' | 'unavailable' = 'unpatched'

/** The tree changed: every kept list may be stale. */
function changed(): void {
  if (kept.length) kept = []
}

function keepGetter(proto: object, name: ListName): void {
  const getter = Object.getOwnPropertyDescriptor(proto, name)!.get!
  Object.defineProperty(proto, name, {
    configurable: true,
    enumerable: false,
    get(this: object) {
      for (let i = 0; i < kept.length; i++) {
        const entry = kept[i]!
        if (entry.node !== this || entry.name !== name) continue
        if (i > 0) kept.unshift(...kept.splice(i, 1))
        return Object.isFrozen(entry.list) ? entry.list : Object.freeze(entry.list)
      }
      const list = getter.call(this) as object
      kept.unshift({ node: this, name, list })
      if (kept.length > KEPT) kept.pop()
      return list
    },
  })
}

function countRemovals(proto: { remove(): void }): void {
  const remove = proto.remove
  proto.remove = function (this: object) {
    changed()
    return remove.call(this)
  }
}

/**
 * Lets go of the kept lists once a document has been read, so the last page's tree is not held alive
 * (and carried into the old generation) until the next page is parsed.
 */
export function releaseChildLists(): void {
  kept = []
}

/** Applies the cache once per thread; returns whether it is in place. */
export function keepChildLists(): boolean {
  if (state !== 'unpatched') return state === 'patched'
  state = 'unavailable'
  const elementProto = Element.prototype as unknown as { remove(): void }
  const textProto = CharacterData.prototype as unknown as { remove(): void }
  // ParentNode, linkedom's base of Element, Document and DocumentFragment, is not exported.
  const parentProto = Object.getPrototypeOf(elementProto) as {
    insertBefore(node: { nodeType: number }, before?: unknown): unknown
  }
  const insertBefore = parentProto.insertBefore
  if (
    typeof insertBefore !== 'function' ||
    !Object.prototype.hasOwnProperty.call(elementProto, 'remove') ||
    !Object.prototype.hasOwnProperty.call(textProto, 'remove') ||
    !Object.getOwnPropertyDescriptor(parentProto, 'children')?.get ||
    !Object.getOwnPropertyDescriptor(parentProto, 'childNodes')?.get
  )
    return false
  parentProto.insertBefore = function (this: object, node, before) {
    changed()
    return insertBefore.call(this, node, before)
  }
  countRemovals(elementProto)
  countRemovals(textProto)
  keepGetter(parentProto, 'children')
  keepGetter(parentProto, 'childNodes')
  state = 'patched'
  return true
}
