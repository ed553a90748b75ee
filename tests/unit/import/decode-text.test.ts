import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText } from '../../../src/main/services/import/decode-text'

const samples: Record<string, string> = {
  'windows-1251':
    'Северная Корея планирует поставить России больше военной техники, заявил представитель Госдепартамента США. Ким Чен Ын пообещал укреплять стратегическое сотрудничество с Москвой.',
  shift_jis:
    '北朝鮮はロシアにさらに軍事装備を送る計画だと米国務省の報道官が述べた。金正恩氏はモスクワとの戦略的協力を強化すると約束した。',
  gb18030: '美国国务院发言人表示，朝鲜计划向俄罗斯运送更多军事装备。金正恩承诺加强与莫斯科的战略合作。',
  'iso-8859-2':
    'Severní Korea plánuje dodat Rusku další vojenské vybavení, uvedl mluvčí amerického ministerstva zahraničí. Příliš žluťoučký kůň úpěl ďábelské ódy.',
}

describe('decoding text files', () => {
  for (const [encoding, text] of Object.entries(samples)) {
    it(`detects ${encoding} and decodes it without mojibake, saying it guessed`, () => {
      const decoded = decodeText(iconv.encode(text, encoding), 'report.txt')
      expect(decoded.text).toBe(text)
      expect(decoded.warning).toMatch(/does not say which character encoding/)
    })
  }

  it('reads UTF-8, UTF-16 with a mark and UTF-16 without one, silently', () => {
    const text = 'Kim Jong Un met Vladimir Putin in Vladivostok — “a new chapter”.'
    for (const bytes of [
      new TextEncoder().encode(text),
      new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]),
      new Uint8Array(iconv.encode(text, 'utf-16le')),
      new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')]),
    ]) {
      const decoded = decodeText(bytes, 'a.txt')
      expect(decoded.text).toBe(text)
      expect(decoded.warning).toBeUndefined()
    }
  })
})
