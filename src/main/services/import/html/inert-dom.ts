// Parses a web page into a DOM that can only be read: linkedom over htmlparser2, which has no script
// engine, no event loop and no resource loader, so nothing on the page can run or fetch anything.
// It builds the tree several times faster than jsdom (most of an import's time was jsdom's), but
// htmlparser2 does not run HTML's tree construction, so the frame a browser would build is put
// right afterwards: one <html> holding one <head> and one <body>, with what stood outside them moved
// where HTML §13.2.6 puts it (head material before the body into <head>, everything else into <body>).
import { DOMParser } from 'linkedom'
import { keepChildLists } from './child-list-cache'
import { lazyListeners } from './lazy-listeners'

const ELEMENT_NODE = 1
const TEXT_NODE = 3
const COMMENT_NODE = 8
const DOCUMENT_TYPE_NODE = 10

/** Elements that belong in <head> when they stand before the body (HTML §13.2.6.4.4). */
const HEAD_CONTENT = new Set([
  'base',
  'basefont',
  'bgsound',
  'link',
  'meta',
  'title',
  'style',
  'script',
  'noscript',
  'template',
])

/** The tags a parser keeps only once, at their place: anywhere else HTML ignores the tag and keeps its content. */
const FRAME = new Set(['html', 'head', 'body'])

function isBlank(node: Node): boolean {
  return node.nodeType === TEXT_NODE && !/\S/.test((node as Text).data)
}

/** Puts `el`'s children where it stands and removes it. */
function unwrap(el: Element): void {
  const parent = el.parentNode
  if (!parent) return
  while (el.firstChild) parent.insertBefore(el.firstChild, el)
  el.remove()
}

function moveChildren(from: Element, to: Element): void {
  while (from.firstChild) to.appendChild(from.firstChild)
}

/** Copies attributes the kept element lacks, as HTML does with a second <html> or <body> tag. */
function mergeAttributes(from: Element, to: Element): void {
  for (const { name, value } of Array.from(from.attributes))
    if (!to.hasAttribute(name)) to.setAttribute(name, value)
}

/** The one <html>, with everything but the doctype and comments of the document inside it, in order. */
function frameRoot(doc: Document): Element {
  const tops = Array.from(doc.childNodes)
  const html = tops.find(
    (n): n is Element => n.nodeType === ELEMENT_NODE && (n as Element).localName === 'html',
  )
  const root = html ?? doc.createElement('html')
  const first = root.firstChild
  let before = !!html
  for (const node of tops) {
    if (node === root) {
      before = false
      continue
    }
    if (node.nodeType === COMMENT_NODE || node.nodeType === DOCUMENT_TYPE_NODE) continue
    if (isBlank(node)) node.remove()
    else if (before) root.insertBefore(node, first)
    else root.appendChild(node)
  }
  if (!html) doc.appendChild(root)
  return root
}

function childNamed(root: Element, name: string): Element | undefined {
  for (let el = root.firstElementChild; el; el = el.nextElementSibling) if (el.localName === name) return el
  return undefined
}

/** <html> with <head> then <body> as its only element children. */
function frameBody(doc: Document, root: Element): void {
  const head = childNamed(root, 'head') ?? doc.createElement('head')
  const body = childNamed(root, 'body') ?? doc.createElement('body')
  let beforeBody = true
  const front: Node[] = []
  for (const node of Array.from(root.childNodes)) {
    if (node === head) continue
    if (node === body) {
      beforeBody = false
      continue
    }
    if (isBlank(node) || node.nodeType === COMMENT_NODE) continue
    const name = node.nodeType === ELEMENT_NODE ? (node as Element).localName : ''
    if (name === 'head' || name === 'body') {
      // A second head or body: HTML keeps the first and reads the content of the other into the body.
      mergeAttributes(node as Element, name === 'body' ? body : head)
      if (name === 'body' && beforeBody) front.push(...Array.from(node.childNodes))
      else moveChildren(node as Element, body)
      node.remove()
    } else if (beforeBody && HEAD_CONTENT.has(name) && front.length === 0) head.appendChild(node)
    else if (beforeBody) front.push(node)
    else body.appendChild(node)
  }
  const first = body.firstChild
  for (const node of front) body.insertBefore(node, first)
  root.insertBefore(head, root.firstChild)
  if (head.nextSibling !== body) root.insertBefore(body, head.nextSibling)
}

/** <html>, <head> or <body> tags inside the page's content: the tags go, their content stays. */
function unwrapStrayFrames(doc: Document, root: Element): void {
  for (const name of FRAME) {
    for (const el of Array.from(doc.getElementsByTagName(name))) {
      if (el === root || el.parentNode === root) continue
      if (name === 'html' || name === 'body') mergeAttributes(el, name === 'html' ? root : doc.body)
      unwrap(el)
    }
  }
}

/** An <html>, <head> or <body> start tag, wherever it stands (in a script's text too: a false alarm costs one walk). */
const FRAME_TAG = /<(?:html|head|body)[\s/>]/gi

/** The page as an inert document: parsed, never run, with HTML's html/head/body frame. */
export function parseInert(html: string): Document {
  keepChildLists()
  lazyListeners()
  const doc = new DOMParser().parseFromString(html, 'text/html') as unknown as Document
  const root = frameRoot(doc)
  frameBody(doc, root)
  if (repeatsFrameTag(html)) unwrapStrayFrames(doc, root)
  return doc
}

/** A page with at most one tag of each kind has no stray one: the walk is saved for those that do. */
function repeatsFrameTag(html: string): boolean {
  const seen = new Set<string>()
  for (const match of html.matchAll(FRAME_TAG)) {
    const name = match[0].slice(1, 5).toLowerCase()
    if (seen.has(name)) return true
    seen.add(name)
  }
  return false
}
