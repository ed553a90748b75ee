// Synthetic English news copy: varied sentences built from templates, grouped into the block kinds an
// importer produces (heading, paragraph, quote, list item, caption), so articles look like real imports.
import type { DraftBlock } from '../../src/main/services/import/text-blocks'
import type { Random } from './random'

export const PEOPLE = [
  'Kim Jong Un',
  'Vladimir Putin',
  'Antony Blinken',
  'Sergei Shoigu',
  'Yoon Suk Yeol',
  'Fumio Kishida',
  'Lloyd Austin',
  'Choe Son Hui',
  'Maria Zakharova',
  'John Kirby',
  'Xi Jinping',
  'Olaf Scholz',
]
export const ORGANIZATIONS = [
  'the State Department',
  'the Kremlin',
  'KCNA',
  'the Wagner Group',
  'the United Nations Security Council',
  'the Pentagon',
  'NATO',
  'the Defence Ministry',
  'Reuters',
  'the International Atomic Energy Agency',
]
export const PLACES = [
  'Pyongyang',
  'Moscow',
  'Washington',
  'Seoul',
  'Tokyo',
  'Vladivostok',
  'Kyiv',
  'Beijing',
  'Brussels',
  'the Korean Peninsula',
  'the Sea of Japan',
  'Rason',
]
export const EQUIPMENT = [
  'artillery shells',
  'infantry rockets',
  'ballistic missiles',
  'Hwasong-18 missiles',
  'rail cars',
  'drones',
  'satellite launch vehicles',
  'armoured vehicles',
  'air-defence systems',
]
const ROLES = ['spokesperson', 'foreign minister', 'defence chief', 'senior official', 'ambassador', 'envoy']
const VERBS = ['confirmed', 'denied', 'warned about', 'reported', 'condemned', 'played down', 'questioned']
const TIMES = [
  'on Tuesday',
  'late on Friday',
  'last week',
  'earlier this month',
  'in November 2022',
  'overnight',
]
const CLAUSES = [
  'the shipments would violate several Security Council resolutions',
  'talks between the two governments had entered a new phase',
  'satellite imagery showed increased traffic at the border crossing',
  'the delivery had been completed before the start of the winter offensive',
  'sanctions were being evaded through a network of front companies',
  'the summit was expected to produce an agreement on military technology',
  'no decision had yet been taken on the timing of further exercises',
  'officials were still assessing the reliability of the reports',
]
const ADJECTIVES = [
  'unverified',
  'detailed',
  'classified',
  'conflicting',
  'preliminary',
  'leaked',
  'official',
]
const NOUNS = ['assessment', 'intelligence report', 'statement', 'briefing', 'communique', 'analysis']

type Template = (r: Random) => string

const SENTENCES: Template[] = [
  (r) => `${r.pick(PEOPLE)}, the ${r.pick(ROLES)}, said ${r.pick(TIMES)} that ${r.pick(CLAUSES)}.`,
  (r) =>
    `Officials from ${r.pick(ORGANIZATIONS)} in ${r.pick(PLACES)} ${r.pick(VERBS)} the claim ${r.pick(TIMES)}.`,
  (r) => `A ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)} seen by ${r.pick(ORGANIZATIONS)} said ${r.pick(CLAUSES)}.`,
  (r) =>
    `At least ${r.int(2, 90)} ${r.pick(EQUIPMENT)} were moved from ${r.pick(PLACES)} to ${r.pick(PLACES)}, according to ${r.pick(ORGANIZATIONS)}.`,
  (r) => `${r.pick(PEOPLE)} ${r.pick(VERBS)} reports that ${r.pick(CLAUSES)}, ${r.pick(TIMES)}.`,
  (r) => `The ${r.pick(NOUNS)} did not say whether ${r.pick(CLAUSES)}.`,
  (r) =>
    `Analysts in ${r.pick(PLACES)} said the move reflected a broader shift, and that ${r.pick(CLAUSES)}.`,
]

function sentence(r: Random): string {
  return r.pick(SENTENCES)(r)
}

function paragraph(r: Random, [fewest, most]: readonly [number, number]): string {
  return Array.from({ length: r.int(fewest, most) }, () => sentence(r)).join(' ')
}

function titleCase(words: string): string {
  return words.replace(/\b[a-z]/g, (c) => c.toUpperCase())
}

/** How the blocks of an article are shaped; the defaults are those of a short news story. */
export interface NewsShape {
  /** Sentences in a paragraph, fewest and most. */
  sentences?: readonly [number, number]
  /** Items in a list: a list item starts a run of this many (one by default). */
  listItems?: readonly [number, number]
}

function oneBlock(r: Random, sentences: readonly [number, number]): DraftBlock {
  const roll = r.next()
  if (roll < 0.08)
    return {
      kind: 'heading',
      text: titleCase(`${r.pick(ADJECTIVES)} ${r.pick(NOUNS)} from ${r.pick(PLACES)}`),
    }
  if (roll < 0.16) {
    const clause = r.pick(CLAUSES)
    return { kind: 'quote', text: `“${clause[0]!.toUpperCase()}${clause.slice(1)},” ${r.pick(PEOPLE)} said.` }
  }
  if (roll < 0.24) return { kind: 'list-item', text: sentence(r) }
  return { kind: 'paragraph', text: paragraph(r, sentences) }
}

export function newsTitle(r: Random): string {
  return `${r.pick(PEOPLE)} ${r.pick(VERBS)} ${r.pick(EQUIPMENT)} deal with ${r.pick(PLACES)}`
}

/** Blocks whose text adds up to about `targetChars`, opening with an image caption on some articles. */
export function newsBlocks(r: Random, targetChars: number, shape: NewsShape = {}): DraftBlock[] {
  const sentences = shape.sentences ?? [2, 6]
  const blocks: DraftBlock[] = []
  if (r.next() < 0.3)
    blocks.push({
      kind: 'caption',
      text: `${r.pick(PEOPLE)} in ${r.pick(PLACES)}. (Photo: ${r.pick(ORGANIZATIONS)})`,
    })
  let length = 0
  while (length < targetChars) {
    const block = oneBlock(r, sentences)
    // Default shape draws nothing more, so the other scenarios keep generating the same text.
    const run = block.kind === 'list-item' && shape.listItems ? r.int(...shape.listItems) : 1
    blocks.push(block)
    length += block.text.length + 2
    for (let more = 1; more < run; more++) {
      const item: DraftBlock = { kind: 'list-item', text: sentence(r) }
      blocks.push(item)
      length += item.text.length + 2
    }
  }
  return blocks
}
