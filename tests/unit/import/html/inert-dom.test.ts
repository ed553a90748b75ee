// The inert DOM gives every page the frame a browser builds (one <html>, then <head>, then <body>),
// whatever the markup, so Readability and the metadata readers find the body and the head where
// they look for them; and reading a page runs nothing on it.
import { describe, expect, it } from 'vitest'
import { keepChildLists } from '../../../../src/main/services/import/html/child-list-cache'
import { parseInert } from '../../../../src/main/services/import/html/inert-dom'
import { lazyListeners } from '../../../../src/main/services/import/html/lazy-listeners'

const frame = (doc: Document) => [...doc.documentElement.children].map((el) => el.localName)

describe('inert DOM', () => {
  it('builds html, head and body around a fragment with no frame of its own', () => {
    const doc = parseInert(
      '<title>Kirby speaks</title><meta name="author" content="Ann"><p>First.</p><p>Second.</p>',
    )
    expect(frame(doc)).toEqual(['head', 'body'])
    expect(doc.title).toBe('Kirby speaks')
    expect(doc.head.querySelector('meta[name=author]')).not.toBeNull()
    expect([...doc.body.children].map((el) => el.textContent)).toEqual(['First.', 'Second.'])
  })

  it('keeps a well-formed page as it is', () => {
    const doc = parseInert(
      '<!doctype html><html lang="fr"><head><title>T</title></head><body class="b"><p>Text.</p></body></html>',
    )
    expect(frame(doc)).toEqual(['head', 'body'])
    expect(doc.documentElement.getAttribute('lang')).toBe('fr')
    expect(doc.body.getAttribute('class')).toBe('b')
    expect(doc.body.innerHTML).toBe('<p>Text.</p>')
  })

  it('moves what stands after </body> or </html> into the body, in order', () => {
    const doc = parseInert(
      '<html><head></head><body><p>One.</p></body><iframe src="x"></iframe><p>Two.</p></html><p>Three.</p>',
    )
    expect(frame(doc)).toEqual(['head', 'body'])
    expect([...doc.body.children].map((el) => el.localName)).toEqual(['p', 'iframe', 'p', 'p'])
    expect(doc.body.textContent).toBe('One.Two.Three.')
  })

  it('puts head material before the body in the head, and text before the body at its start', () => {
    const doc = parseInert(
      '<html><meta property="og:title" content="T"><p>Early.</p><body><p>Body.</p></body></html>',
    )
    expect(doc.head.querySelector('meta')?.getAttribute('content')).toBe('T')
    expect(doc.body.textContent).toBe('Early.Body.')
  })

  it('reads a second <body> or a stray <html> inside the content as its content only', () => {
    const doc = parseInert(
      '<html><body><p>One.</p><body id="late"><p>Two.</p></body><div><html><p>Three.</p></html></div></body></html>',
    )
    expect(doc.getElementsByTagName('body')).toHaveLength(1)
    expect(doc.getElementsByTagName('html')).toHaveLength(1)
    expect(doc.body.getAttribute('id')).toBe('late')
    expect(doc.body.textContent).toBe('One.Two.Three.')
  })

  it('keeps the doctype and comments outside the frame, and drops white space there', () => {
    const doc = parseInert('<!doctype html>\n<!-- saved -->\n<html><body><p>x</p></body></html>\n')
    expect([...doc.childNodes].map((n) => n.nodeType)).toEqual([10, 8, 1])
  })

  it('leaves handlers, scripts and styles as inert markup and text', () => {
    const doc = parseInert(
      '<body onload="globalThis.ranOnLoad=1"><script>globalThis.ranScript=1</script><style>p{}</style><p onclick="x()">T</p></body>',
    )
    expect(doc.body.getAttribute('onload')).toBe('globalThis.ranOnLoad=1')
    expect('ranOnLoad' in globalThis || 'ranScript' in globalThis).toBe(false)
    expect(doc.getElementsByTagName('script')[0]?.textContent).toBe('globalThis.ranScript=1')
  })

  it('keeps child lists up to date through removals and insertions', () => {
    const doc = parseInert(`<body>${'<p>a</p>'.repeat(5)}</body>`)
    const body = doc.body
    expect(body.children).toHaveLength(5)
    body.lastElementChild!.remove()
    body.firstElementChild!.remove()
    expect(body.children).toHaveLength(3)
    expect(body.childNodes).toHaveLength(3)
    body.append(doc.createElement('div'))
    expect(body.children[3]!.localName).toBe('div')
    expect(body.getElementsByTagName('div')).toHaveLength(1)
    body.innerHTML = '<span>b</span>'
    expect([...body.children].map((el) => el.localName)).toEqual(['span'])
    expect(body.getElementsByTagName('p')).toHaveLength(0)
  })
})

describe('child lists kept between changes', () => {
  it('is in place for the linkedom Dossier uses', () => {
    parseInert('<p>x</p>')
    expect(keepChildLists()).toBe(true)
  })

  it('gives the same list until the children change, then a new one', () => {
    const doc = parseInert('<body><ul><li>a</li><li>b</li></ul></body>')
    const list = doc.querySelector('ul')!
    const first = list.children
    expect(list.children).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    list.children[0]!.remove()
    expect(list.children).not.toBe(first)
    expect([...list.children].map((li) => li.textContent)).toEqual(['b'])
    const text = list.firstElementChild!.firstChild!
    const nodes = list.firstElementChild!.childNodes
    text.remove()
    expect(list.firstElementChild!.childNodes).toHaveLength(0)
    expect(nodes).toHaveLength(1)
  })

  it('follows a node moved from one parent to another, and an inserted fragment', () => {
    const doc = parseInert('<body><div id="a"><p>1</p><p>2</p></div><div id="b"></div></body>')
    const [a, b] = [doc.getElementById('a')!, doc.getElementById('b')!]
    expect(a.children).toHaveLength(2)
    expect(b.children).toHaveLength(0)
    b.appendChild(a.firstElementChild!)
    expect([a.children.length, b.children.length]).toEqual([1, 1])
    const fragment = doc.createDocumentFragment()
    fragment.append(doc.createElement('span'), doc.createElement('em'))
    expect(fragment.children).toHaveLength(2)
    a.prepend(fragment)
    expect(fragment.children).toHaveLength(0)
    expect([...a.children].map((el) => el.localName)).toEqual(['span', 'em', 'p'])
    a.replaceWith(b)
    expect([...doc.body.children].map((el) => el.id)).toEqual(['b'])
  })
})

describe('listener tables made on first use', () => {
  it('is in place for the linkedom Dossier uses', () => {
    parseInert('<p>x</p>')
    expect(lazyListeners()).toBe(true)
  })

  it('still calls, bubbles, calls once and removes listeners as linkedom did', () => {
    const doc = parseInert('<body><div><p>x</p></div></body>')
    const p = doc.querySelector('p')!
    const div = doc.querySelector('div')!
    const heard: string[] = []
    const onP = () => heard.push('p')
    p.addEventListener('ping', onP)
    div.addEventListener('ping', { handleEvent: () => heard.push('div') })
    p.addEventListener('ping', () => heard.push('once'), { once: true })
    const Event = doc.defaultView!.Event
    p.dispatchEvent(new Event('ping', { bubbles: true }))
    p.dispatchEvent(new Event('ping'))
    p.removeEventListener('ping', onP)
    p.dispatchEvent(new Event('ping'))
    expect(heard).toEqual(['p', 'once', 'div', 'p'])
  })
})
