// The floor of `dossier extract` on one file: a bare Node process that parses the page with linkedom,
// runs Mozilla Readability and prints the result as one JSON line.
import { readFileSync } from 'node:fs'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'

const { document } = parseHTML(readFileSync(process.argv[2], 'utf8'))
const article = new Readability(document).parse()
process.stdout.write(`${JSON.stringify({ title: article?.title, text: article?.textContent })}\n`)
