// The recogniser's names as an analyst would tag them: the tagger learnt from sets that write spans
// their own way (re3d includes "the" and calls a country that acts an organisation), while a
// suggestion is the name itself, of the type Dossier gives it, as sure as the article makes it.
import type { RecognisedEntity } from '../ner/recognise'
import { countryForms } from './country-forms'

const DETERMINER = /^(?:the|a|an)\s+/iu

/**
 * The names to suggest from those found in one text:
 * - a leading article is not part of a name ("the United Nations" is United Nations), and an article
 *   before lower-case words is a description, not a name ("the two countries", "the city");
 * - a country is a place, also where it acts ("The United States said"), as the dictionary's country
 *   forms have it;
 * - a name ends at its last capitalised word ("the Wagner mercenary group" is Wagner), and a single
 *   lower-case word found as equipment ("missiles") names a kind of weapon, not one to tag; a person,
 *   organisation or place all in lower case is a word ("the coalition");
 * - a date with no number in it ("last year", "Tuesday") names no day an analyst can file;
 * - a name found more than once with one type is as sure everywhere as where the article says it
 *   most clearly (one sense per discourse): "Russia" at 0.54 in one sentence and 0.96 in another is
 *   the same place.
 */
export function recognisedNames(text: string, found: readonly RecognisedEntity[]): RecognisedEntity[] {
  const names: RecognisedEntity[] = []
  for (const e of found) {
    let { start, type } = e
    const article = DETERMINER.exec(e.text)
    if (article && type !== 'Date') {
      start += article[0].length
      if (!/^[\p{Lu}\p{N}]/u.test(text[start] ?? '')) continue
    }
    let end = e.end
    const named = type === 'Person' || type === 'Organization' || type === 'Location'
    if (named) {
      // A name ends at its last capitalised word: "the Wagner mercenary group" is Wagner.
      const words = [...text.slice(start, end).matchAll(/\S+/gu)]
      let last = words.length - 1
      while (last > 0 && !/[\p{Lu}\p{N}]/u.test(words[last]![0])) last--
      end = start + words[last]!.index + words[last]![0].length
    }
    const name = text.slice(start, end)
    // A single lower-case word is a kind of weapon ("missiles", "munitions"), not one an analyst tags.
    if (type === 'Equipment' && /^\p{Ll}[\p{Ll}-]*$/u.test(name)) continue
    // A person, organisation or place written all in lower case, in a script with capitals, is a word
    // ("the coalition", "congress"), not a name.
    if (named && name === name.toLowerCase() && name !== name.toUpperCase()) continue
    if (type === 'Organization' && countryForms(name)) type = 'Location'
    if (type === 'Date' && !/\p{N}/u.test(name)) continue
    names.push({ start, end, type, text: name, score: e.score })
  }
  const best = new Map<string, number>()
  const key = (e: RecognisedEntity) => `${e.type} ${e.text}`
  for (const e of names) best.set(key(e), Math.max(best.get(key(e)) ?? 0, e.score))
  return names.map((e) => ({ ...e, score: best.get(key(e))! }))
}
