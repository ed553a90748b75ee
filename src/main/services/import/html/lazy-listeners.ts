// Gives a linkedom node its table of event listeners when one is first added, not when it is built.
//
// linkedom's EventTarget constructor puts every node it builds (each element, text and attribute)
// into one WeakMap, with a Map of its own: a page of 60,000 nodes made 60,000 Maps and weak entries
// that nothing reads, since nothing listens on an inert page. That was about a tenth of an import's
// time, and more of its garbage collection. Here nodes are built without it, and the three listener
// methods keep their tables in a map of their own, made on the first addEventListener, with
// linkedom's behaviour (capture ignored, bubbling through _getParent, `once`, handleEvent objects).
// Should a linkedom upgrade change the class chain, nothing is patched; the inert DOM's test says so.
import { Element, EventTarget } from 'linkedom'

type Listener = ((event: unknown) => void) | { handleEvent(event: unknown): void }
type Listeners = Map<Listener, { once?: boolean } | boolean | undefined>

interface DispatchedEvent {
  type: string
  bubbles: boolean
  eventPhase: number
  currentTarget?: unknown
  target?: unknown
  cancelBubble: boolean
  defaultPrevented: boolean
  _stopImmediatePropagationFlag?: boolean
  _path: Array<{ currentTarget: Target; target: Target }>
  readonly NONE: number
  readonly CAPTURING_PHASE: number
  readonly AT_TARGET: number
  readonly BUBBLING_PHASE: number
}

interface Target {
  _getParent?(): Target | null
  dispatchEvent?: unknown
}

const tables = new WeakMap<object, Map<string, Listeners>>()
let state: 'unpatched' | 'patched' | 'unavailable' = 'unpatched'

function invoke(
  event: DispatchedEvent,
  { currentTarget, target }: { currentTarget: Target; target: Target },
) {
  const listeners = tables.get(currentTarget)?.get(event.type)
  if (!listeners) return false
  event.eventPhase = currentTarget === target ? event.AT_TARGET : event.BUBBLING_PHASE
  event.currentTarget = currentTarget
  event.target = target
  for (const [listener, options] of listeners) {
    if (typeof options === 'object' && options?.once) listeners.delete(listener)
    if (typeof listener === 'function') listener.call(target, event)
    else listener.handleEvent(event)
    if (event._stopImmediatePropagationFlag) break
  }
  delete event.currentTarget
  delete event.target
  return event.cancelBubble
}

/** The target, then (for a bubbling event) each parent up: linkedom's simplified event path. */
function pathOf(event: DispatchedEvent, target: Target): void {
  for (let node: Target | null | undefined = target; node;) {
    if (node.dispatchEvent) event._path.push({ currentTarget: node, target })
    node = event.bubbles && node._getParent ? node._getParent() : null
  }
}

const methods = {
  addEventListener(this: object, type: string, listener: Listener, options?: { once?: boolean } | boolean) {
    let table = tables.get(this)
    if (!table) tables.set(this, (table = new Map()))
    let listeners = table.get(type)
    if (!listeners) table.set(type, (listeners = new Map()))
    listeners.set(listener, options)
  },
  removeEventListener(this: object, type: string, listener: Listener) {
    const table = tables.get(this)
    const listeners = table?.get(type)
    if (listeners?.delete(listener) && !listeners.size) table!.delete(type)
  },
  dispatchEvent(this: Target, event: DispatchedEvent) {
    event.eventPhase = event.CAPTURING_PHASE
    pathOf(event, this)
    event._path.some((step) => invoke(event, step))
    event._path = []
    event.eventPhase = event.NONE
    return !event.defaultPrevented
  },
}

/** Applies the change once per thread; returns whether it is in place. */
export function lazyListeners(): boolean {
  if (state !== 'unpatched') return state === 'patched'
  state = 'unavailable'
  // Node, linkedom's class right under EventTarget, is not exported: found from Element up.
  let proto: object | null = Element.prototype
  while (proto && Object.getPrototypeOf(proto) !== EventTarget.prototype) proto = Object.getPrototypeOf(proto)
  const nodeClass = (proto as { constructor?: unknown } | null)?.constructor
  if (!proto || typeof nodeClass !== 'function' || Object.getPrototypeOf(nodeClass) !== EventTarget)
    return false
  for (const [name, value] of Object.entries(methods))
    Object.defineProperty(proto, name, { value, writable: true, configurable: true, enumerable: false })
  // Node's constructor calls EventTarget's through super(); a bare base class builds the node alone.
  Object.setPrototypeOf(nodeClass, class NodeBase {})
  state = 'patched'
  return true
}
