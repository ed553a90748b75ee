// Other names of a country an analyst confirmed as a place: its other names and acronyms ("DPRK" for
// North Korea) and its capital as the metonym news writes for its government ("Moscow said"). From the
// countries-list package (MIT, the ISO 3166 countries with names, aliases and capitals), read once.
import { countries } from 'countries-list'
import { foldName } from './resolve'

export interface CountryForms {
  /** The country's name and other names, of more than one word or in capitals, without the one asked. */
  names: string[]
  /** The capital, and its first word where the rest is an abbreviation ("Washington" of "Washington D.C."). */
  capitals: string[]
}

let byName: Map<string, { names: string[]; capitals: string[] }> | undefined

/**
 * A single word that is not an acronym ("America", "Britain", "Persia") is left out: it is too often part
 * of another name ("Latin America") or a name of the past.
 */
const keptName = (name: string) => name.includes(' ') || /^\p{Lu}{2,}$/u.test(name)

function table(): Map<string, { names: string[]; capitals: string[] }> {
  if (byName) return byName
  byName = new Map()
  for (const country of Object.values(countries)) {
    const names = [country.name, ...(country.alias ?? [])]
    const capital = country.capital.trim()
    const capitals = capital ? [capital] : []
    const short = capital.split(' ')
    if (short.length > 1 && short.slice(1).every((w) => w.includes('.'))) capitals.push(short[0]!)
    const entry = { names: names.filter((n, i) => i === 0 || keptName(n)), capitals }
    for (const name of names) if (!byName.has(foldName(name))) byName.set(foldName(name), entry)
  }
  return byName
}

/** The other names of the country called `name` (its name or one of its other names), if it is one. */
export function countryForms(name: string): CountryForms | undefined {
  const entry = table().get(foldName(name))
  if (!entry) return undefined
  const own = foldName(name)
  return { names: entry.names.filter((n) => foldName(n) !== own), capitals: entry.capitals }
}
