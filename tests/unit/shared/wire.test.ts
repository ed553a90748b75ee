import { describe, expect, it } from 'vitest'
import { decodeWire, encodeWire } from '../../../src/shared/wire'

describe('the HTTP wire format', () => {
  it('carries byte arrays and Buffers as bytes, at any depth', () => {
    const value = {
      file: { name: 'a.pdf', bytes: new Uint8Array([0, 1, 254, 255]) },
      list: [Buffer.from('hi')],
    }
    const back = decodeWire(encodeWire(value)) as typeof value
    expect(back.file.bytes).toEqual(new Uint8Array([0, 1, 254, 255]))
    expect(back.list[0]).toEqual(new Uint8Array([104, 105]))
  })

  it('leaves plain replies as plain JSON', () => {
    const value = { title: 'A "$bytes" title', text: '$bytes', items: [{ n: 1 }, null, 'x'] }
    expect(encodeWire(value)).toBe(JSON.stringify(value))
    expect(decodeWire(encodeWire(value))).toEqual(value)
  })

  it('keeps an object that only looks like the tag when it is not one', () => {
    const value = { $bytes: 5, other: { $bytes: 'AAE=', extra: true } }
    expect(decodeWire(encodeWire(value))).toEqual(value)
  })
})
