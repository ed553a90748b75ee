// Keeps each node's `children` and `childNodes` lists between changes of its children.
//
// linkedom builds both lists afresh, walking every child, on each read. Readability reads
// `node.children.length` and `node.children[i]` on every turn of a loop over a list's items
// (`_cleanConditionally`), so a page with a list of 8,000 empty items took 9 s, four times as long
// for twice as many. linkedom/cached keeps these lists too, but also routes getElementsByTagName
// through its selector engine, which made every import slower; so only the two lists are kept here.
//
// Every change to a node's children goes through one of two methods: `insertBefore` (which append,
// prepend, before, after, replaceWith, replaceChild, replaceChildren, innerHTML and textContent all
// call) or a child's own `remove()` (which insertBefore calls on a node it moves). Wrapping those
// two drops the lists of the parent that changed; Ranges, which edit without them, are never made
// here. A kept list is frozen, so a caller that tried to change one would fail loudly, not corrupt
// the next read. Should a linkedom upgrade move these methods, nothing is patched and lists are
// built as before, only slower; the inert DOM's test says so.
import { CharacterData, Element } from 'linkedom'

interface Lists {
  children?: unknown
  childNodes?: unknown
}

const kept = new WeakMap<object, Lists>()
let state: 'unpatched' | 'patched' | 'unavailable' = 'unpatched'

function drop(parent: object | null | undefined): void {
  if (parent) kept.delete(parent)
}

function keepGetter(proto: object, name: keyof Lists): boolean {
  const getter = Object.getOwnPropertyDescriptor(proto, name)?.get
  if (!getter) return false
  Object.defineProperty(proto, name, {
    configurable: true,
    enumerable: false,
    get(this: object) {
      let lists = kept.get(this)
      if (!lists) kept.set(this, (lists = {}))
      return (lists[name] ??= Object.freeze(getter.call(this)))
    },
  })
  return true
}

function dropOnRemove(proto: { remove(): void }): void {
  const remove = proto.remove
  proto.remove = function (this: { parentNode: object | null }) {
    drop(this.parentNode)
    return remove.call(this)
  }
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
    drop(this)
    // An inserted fragment is left empty.
    if (node.nodeType === 11) drop(node)
    return insertBefore.call(this, node, before)
  }
  dropOnRemove(elementProto)
  dropOnRemove(textProto)
  keepGetter(parentProto, 'children')
  keepGetter(parentProto, 'childNodes')
  state = 'patched'
  return true
}
