// Rebuilding the codebook when dossier.json is lost: the backup's codes, then the copies every article
// keeps of the codes its highlights use, then a placeholder for any code nothing describes any more, so
// every highlight keeps a code the analyst can rename.
import type { Article, Code } from '../../../shared/model'
import { DEFAULT_CODES, seedCodes } from './codebook'

export type CodeEvidence = Pick<Article, 'codeCopies' | 'highlights'>

export function recoverCodes(base: readonly Code[] | undefined, articles: readonly CodeEvidence[]): Code[] {
  const now = new Date().toISOString()
  const codes = base && base.length > 0 ? structuredClone([...base]) : seedCodes(DEFAULT_CODES, now)
  const known = new Set(codes.map((c) => c.id))
  for (const article of articles) {
    for (const copy of article.codeCopies ?? []) {
      if (known.has(copy.id)) continue
      known.add(copy.id)
      codes.push(structuredClone(copy))
    }
  }
  let recovered = 0
  for (const article of articles) {
    for (const highlight of article.highlights) {
      if (known.has(highlight.codeId)) continue
      known.add(highlight.codeId)
      recovered++
      codes.push({
        id: highlight.codeId,
        name: `Recovered code ${recovered}`,
        color: '#868e96',
        description: 'Rebuilt from its highlights after the workspace index was damaged: name it again.',
        createdAt: now,
      })
    }
  }
  return codes
}
