// Equipment and events by rule, beside the tagger: the training data hold few of either (re3d's weapons
// and platforms, no events at all), while their names follow forms a rule finds well. Equipment: a
// designator with a known prefix (T-72B3, Su-25, AK-47, MiG-29, 9K720), or a name of Dossier's list
// (HIMARS, Javelin, Bayraktar TB2) written as a name. Events: "Operation Desert Storm", "Battle of
// Kursk", "the Korean War", and the listed ones.
import { countries } from 'countries-list'
import { designatorKind } from './designators'
import { GAZETTEER_KINDS, type Gazetteer } from './gazetteer'
import type { NerType } from './labels'

export interface RuleSpan {
  /** Word indexes, end exclusive. */
  start: number
  end: number
  type: NerType
  score: number
  /** A strong rule's span replaces the tagger's where they overlap; a weak one only fills gaps. */
  strong: boolean
}

/**
 * Prefixes of designators of weapon systems, vehicles, aircraft and ships (Soviet and Russian design
 * bureaus, US and NATO series): a word of designator form with one of them is equipment.
 */
const PREFIXES = new Set(
  (
    'T Su MiG Mi Ka Tu Il An Yak AK AKM RPK PK PKM SVD RPG BM BMP BMD BTR BRDM MT 2S 9K 9M S Kh Buk Tor ' +
    'F FA B A C E P KC AH UH CH MH V MQ RQ M AGM AIM FGM MIM RIM BGM SM DDG CVN SSN SSBN LHD J JF H Z DF ' +
    'HQ KN Hwasong Type PzH CV IRIS'
  ).split(' '),
)

/** Words that name equipment around a name: a listed common word counts only next to one of them. */
const EQUIPMENT_WORDS =
  /^(?:tanks?|jets?|fighters?|bombers?|aircraft|planes?|helicopters?|drones?|missiles?|rockets?|launchers?|systems?|howitzers?|guns?|rifles?|artillery|vehicles?|carriers?|submarines?|frigates?|destroyers?|warships?|cruisers?|interceptors?|munitions?|batter(?:y|ies)|air-defen[cs]e|anti-tank|anti-aircraft)$/i

/** Heads of a described weapon ("ballistic missiles", "armoured vehicles"): a kind, not a model. */
const WEAPON_HEADS =
  /^(?:missiles?|rockets?|tanks?|aircraft|jets?|fighters?|bombers?|helicopters?|drones?|vehicles?|carriers?|submarines?|warships?|frigates?|destroyers?|satellites?|howitzers?|artillery|munitions?|weapons?|shells?|bombs?|launchers?|rifles?|interceptors?|warheads?)$/i
/** Words that make a weapon of a head before it: "fighter aircraft", "surface-to-air missiles". */
const WEAPON_MODIFIERS =
  /^(?:ballistic|cruise|hypersonic|guided|unguided|anti-tank|anti-aircraft|anti-ship|anti-personnel|surface-to-air|air-to-air|air-to-surface|surface-to-surface|ship-to-ship|intercontinental|short-range|medium-range|long-range|intermediate-range|tactical|strategic|nuclear|chemical|biological|thermobaric|cluster|incendiary|barrel|precision|armou?red|infantry|fighter|attack|combat|stealth|unmanned|kamikaze|loitering|reconnaissance|surveillance|spy|military|main|battle|self-propelled|multiple|air-defen[cs]e|naval|submarine-launched|rocket-propelled|artillery|mortar|hand|assault|sniper|machine)$/i

/** Modifiers that say only what a weapon is for, and heads that name weapons of any kind. */
const GENERAL_MODIFIERS = /^(?:military|combat|attack|main|battle|naval|hand|tactical|strategic|precision)$/i
const GENERAL_HEADS = /^(?:weapons?|munitions?|shells?|bombs?|vehicles?|aircraft|systems?)$/i

const EVENT_HEADS = /^(?:Operation|Battle|Siege|Massacre|Invasion|Liberation)$/
const EVENT_TAILS = /^(?:War|Offensive|Uprising|Revolution|Crisis|Massacre|Summit|Conference|Games|Olympics)$/

const CAPITALISED = /^[\p{Lu}\d]/u
const kindBits = (...kinds: (typeof GAZETTEER_KINDS)[number][]) =>
  kinds.reduce((bits, kind) => bits | (1 << GAZETTEER_KINDS.indexOf(kind)), 0)
const PLACE_BITS = kindBits('country', 'city', 'region')
const EQUIPMENT_BIT = 1 << GAZETTEER_KINDS.indexOf('equipment')
const EVENT_BIT = 1 << GAZETTEER_KINDS.indexOf('event')
const DEMONYM_BIT = 1 << GAZETTEER_KINDS.indexOf('demonym')

function prefixOf(word: string): string {
  return /^(\d?\p{L}+)/u.exec(word)?.[1] ?? ''
}

export function ruleSpans(
  words: readonly string[],
  gazetteer: Gazetteer,
  common: (lower: string) => boolean,
): RuleSpan[] {
  const spans: RuleSpan[] = []
  const lower = words.map((w) => w.toLowerCase())
  const nearEquipmentWord = (start: number, end: number) =>
    words.slice(Math.max(0, start - 2), end + 2).some((w) => EQUIPMENT_WORDS.test(w))
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    // A listed name, longest first, written with capitals.
    let listed = 0
    for (let n = Math.min(gazetteer.longestFrom(lower[i]!), words.length - i); n >= 1 && !listed; n--) {
      const mask = gazetteer.lookup(lower.slice(i, i + n).join(' '))
      if (!mask || !words.slice(i, i + n).every((w) => CAPITALISED.test(w) || /^[\p{P}\d]/u.test(w))) continue
      if (mask & EQUIPMENT_BIT) {
        const ambiguous = n === 1 && common(lower[i]!) && !/^\p{Lu}+$/u.test(word)
        if (ambiguous && !nearEquipmentWord(i, i + 1)) continue
        spans.push({
          start: i,
          end: i + n,
          type: 'Equipment',
          score: ambiguous ? 0.7 : 0.85,
          strong: !ambiguous,
        })
        listed = n
      } else if (mask & EVENT_BIT) {
        spans.push({ start: i, end: i + n, type: 'Event', score: 0.8, strong: true })
        listed = n
      }
    }
    if (listed) {
      i += listed - 1
      continue
    }
    const kind = designatorKind(word)
    // M25 is a motorway and F1 a race unless a weapon word stands near: one letter run into digits is weak.
    const loose = kind === 'joined' && prefixOf(word).length === 1 && !nearEquipmentWord(i, i + 1)
    if (kind && !loose && PREFIXES.has(prefixOf(word))) {
      // A designator takes a variant name after it: "Leopard 2A6", "Su-25 Frogfoot" stay one.
      spans.push({
        start: i,
        end: i + 1,
        type: 'Equipment',
        score: kind === 'hyphen' ? 0.85 : 0.75,
        strong: true,
      })
      continue
    }
    if (WEAPON_HEADS.test(word) && i > 0 && WEAPON_MODIFIERS.test(words[i - 1]!)) {
      // Modifiers back from the head; a described weapon is weak: the tagger's own entities win.
      let start = i - 1
      while (start > 0 && WEAPON_MODIFIERS.test(words[start - 1]!)) start--
      // "surface-to-air missiles" names a kind of weapon; "military weapons" or "combat munitions" only
      // says what weapons are.
      const specific = words.slice(start, i).some((w) => !GENERAL_MODIFIERS.test(w))
      if (specific || !GENERAL_HEADS.test(word))
        spans.push({ start, end: i + 1, type: 'Equipment', score: specific ? 0.88 : 0.7, strong: false })
      continue
    }
    if (EVENT_HEADS.test(word) && i + 1 < words.length) {
      // "Operation Desert Storm", "Battle of Kursk": the capitalised words after the head.
      let end = i + 1
      if (words[end] === 'of' || words[end] === 'for') end++
      const from = end
      while (end < words.length && /^\p{Lu}/u.test(words[end]!)) end++
      if (end > from) {
        spans.push({ start: i, end, type: 'Event', score: 0.8, strong: true })
        i = end - 1
      }
      continue
    }
    if (EVENT_TAILS.test(word) && i > 0 && /^\p{Lu}/u.test(words[i - 1]!)) {
      // "the Korean War", "World War", "the Tet Offensive": capitalised words before the tail.
      let start = i
      while (
        start > 0 &&
        /^\p{Lu}/u.test(words[start - 1]!) &&
        !spans.some((s) => s.end > start - 1 && s.start <= start - 1)
      )
        start--
      // A sentence's first word is capitalised for another reason.
      if (start === 0 && start < i - 1) start++
      if (start < i)
        spans.push({
          start,
          end: i + 1 + (/^(?:I{1,3}|IV|One|Two)$/.test(words[i + 1] ?? '') ? 1 : 0),
          type: 'Event',
          score: 0.75,
          strong: true,
        })
    }
  }
  return spans
}

/**
 * The tagger's entities with the rules' added: a strong rule's span replaces the tagger's entities it
 * overlaps, a weak one is kept only where the tagger found nothing.
 */
export function withRules<S extends { start: number; end: number; type: NerType; score: number }>(
  tagged: readonly S[],
  rules: readonly RuleSpan[],
): { start: number; end: number; type: NerType; score: number }[] {
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start < b.end && b.start < a.end
  const chosen: RuleSpan[] = []
  for (const rule of rules) {
    if (chosen.some((c) => overlaps(c, rule))) continue
    if (!rule.strong && tagged.some((t) => overlaps(t, rule))) continue
    chosen.push(rule)
  }
  const kept = tagged.filter((t) => !chosen.some((c) => overlaps(c, t)))
  return [...kept, ...chosen.map(({ start, end, type, score }) => ({ start, end, type, score }))].sort(
    (a, b) => a.start - b.start,
  )
}

const ORG_BITS = kindBits('org')
const GIVEN_BITS = kindBits('given')
const WIDE_PLACE_BITS = kindBits('country', 'region')

/** One word the lists hold as a place is sure of being one if it is a country, a region or a capital. */
const surePlace = (mask: number, lower: string) => (mask & WIDE_PLACE_BITS) !== 0 || isCapital(lower)

let capitals: Set<string> | undefined
/** Whether a lower-cased word is the capital of a country (countries-list, as country-forms.ts reads it). */
function isCapital(lower: string): boolean {
  capitals ??= new Set(Object.values(countries).map((c) => c.capital.trim().toLowerCase()))
  return capitals.has(lower)
}
/** How sure a name is that the lists hold as its type: just over the app's least score (MIN_SCORE). */
const LISTED_SCORE = 0.86

/**
 * The tagger's names checked against the lists of places and organisations:
 * - a name the lists hold as the type it was found as is as sure as the lists, whatever the sentence
 *   gave the tagger to go on ("DPRK" a country, "KCNA" an organisation); the name is taken without a
 *   leading article or the words that describe it after ("the Wagner mercenary group"). One word of a
 *   town that is no capital is not enough: "Batman" and "Phoenix" are too often something else;
 * - a place, or a person of more than one word, that the lists hold only as an organisation is one
 *   ("the White House said", "a State Department spokesperson"), and so is a country's listed
 *   organisation ("US State Department");
 * - a capitalised place of the lists the tagger passed over is found, unless the lists also hold it as
 *   a given name or an organisation ("Jordan", "Washington"), it is one word of a town that is no
 *   capital ("Mobile"), or it opens the sentence as a common word does; so is a listed organisation of
 *   several words or an acronym of three letters or more ("Security Council", "KCNA").
 */
export function withListedNames<S extends { start: number; end: number; type: NerType; score: number }>(
  tagged: readonly S[],
  words: readonly string[],
  gazetteer: Gazetteer,
  common: (lower: string) => boolean,
): { start: number; end: number; type: NerType; score: number }[] {
  const lower = words.map((w) => w.toLowerCase())
  const listed = (start: number, end: number) => gazetteer.lookup(lower.slice(start, end).join(' '))
  /** The name itself: without a leading article and the lower-case words that describe it after. */
  const named = (t: { start: number; end: number }) => {
    let { start, end } = t
    if (end - start > 1 && /^(?:the|a|an)$/.test(lower[start]!)) start++
    while (end - start > 1 && /^\p{Ll}/u.test(words[end - 1]!)) end--
    const mask = listed(start, end)
    // "US State Department", "Russian Defence Ministry": a country's organisation.
    const country = end - start > 2 && listed(start, start + 1) & (PLACE_BITS | DEMONYM_BIT)
    return { mask: mask || (country ? listed(start + 1, end) & ORG_BITS : 0), words: end - start }
  }
  const out: { start: number; end: number; type: NerType; score: number }[] = tagged.map((t) => {
    const { mask, words: length } = named(t)
    const sure = Math.max(t.score, LISTED_SCORE)
    if (t.type === 'Location' && mask & PLACE_BITS && (length > 1 || surePlace(mask, lower[t.start]!)))
      return { ...t, score: sure }
    if (t.type === 'Organization' && mask & ORG_BITS) return { ...t, score: sure }
    // Listed only as an organisation: "the White House said", "a State Department spokesperson".
    if (mask === ORG_BITS && (t.type === 'Location' || (t.type === 'Person' && length > 1)))
      return { ...t, type: 'Organization', score: sure }
    return t
  })
  const covered = new Uint8Array(words.length)
  for (const t of tagged) covered.fill(1, t.start, t.end)
  for (let i = 0; i < words.length; i++) {
    if (covered[i] || !/^\p{Lu}/u.test(words[i]!)) continue
    for (let n = Math.min(gazetteer.longestFrom(lower[i]!), words.length - i); n >= 1; n--) {
      const span = words.slice(i, i + n)
      if (covered.subarray(i, i + n).some(Boolean) || !span.every((w) => /^\p{Lu}/u.test(w))) continue
      const mask = listed(i, i + n)
      // A place, or an organisation of several words or an acronym ("Security Council", "NATO").
      // One word of a town is too often a word or a name besides ("Mobile", "Phoenix", "Most"): a
      // country, a region or a capital only.
      const place =
        mask & PLACE_BITS && !(mask & (ORG_BITS | GIVEN_BITS)) && (n > 1 || surePlace(mask, lower[i]!))
      const org = mask === ORG_BITS && (n > 1 || /^\p{Lu}{3,}$/u.test(words[i]!))
      if (!place && !org) continue
      if (i === 0 && n === 1 && common(lower[i]!)) continue
      // Part of a longer name ("Moscow State University"): the tagger's call, not the list's.
      if (/^\p{Lu}/u.test(words[i + n] ?? '') || (i > 0 && /^\p{Lu}/u.test(words[i - 1]!) && !covered[i - 1]))
        break
      out.push({ start: i, end: i + n, type: place ? 'Location' : 'Organization', score: LISTED_SCORE })
      i += n - 1
      break
    }
  }
  return out.sort((a, b) => a.start - b.start)
}

const DEMONYM = /^\p{Lu}\p{Ll}{2,}(?:ian|ean|can|ese|ish|i)$/u

/**
 * Whether a place's words are a demonym ("Russian", "Japanese", "North Korean"): the training data mark
 * some as places, Dossier does not. A listed demonym is one; so is one word of that form ("Israeli")
 * unless a list holds it as a place (Iran, Helsinki).
 */
export function isDemonym(words: readonly string[], gazetteer: Gazetteer): boolean {
  const mask = gazetteer.lookup(words.join(' ').toLowerCase())
  if (mask & PLACE_BITS) return false
  return (mask & DEMONYM_BIT) !== 0 || (words.length === 1 && DEMONYM.test(words[0]!))
}
