// The recogniser's open proposals across the workspace, one group per name and type (as accepting all
// of one name makes one entity), with how many there are, in how many articles, and the best-scored one
// in its words: what the analyst reviews to accept many new entities at once.
import type { ProposalGroup, ProposalReview } from '../../../shared/entities'
import type { Article } from '../../../shared/model'
import type { Workspace } from '../store/workspace'
import { contextAround } from './occurrences'
import { proposalOf } from './proposals'
import { eachArticle } from './tag-all'

type Open = {
  key: string
  group: Omit<ProposalGroup, 'sample'>
  best: number
  sample: ProposalGroup['sample']
}

/** The open proposals of one article, by what they propose. */
function proposalsIn(article: Readonly<Article>) {
  return article.mentions.flatMap((m) => {
    const key = m.status === 'suggested' && !m.unanchored ? proposalOf(m) : undefined
    return key ? [{ key, mention: m }] : []
  })
}

export async function reviewProposals(workspace: Workspace): Promise<ProposalReview> {
  const ids = workspace.articles.map((row) => row.id)
  const found = await eachArticle(workspace, ids, (article) => {
    // Only what the review shows is kept of each article: its text is not held.
    const seen = new Map<string, Open>()
    for (const { key, mention } of proposalsIn(article)) {
      const score = mention.score ?? 0
      const known = seen.get(key)
      if (known) {
        known.group.count++
        if (score <= known.best) continue
      }
      const { start, end } = mention.target.position
      const sample = {
        articleId: article.id,
        articleTitle: article.title,
        text: article.text.slice(start, end),
        ...contextAround(article.text, start, end),
      }
      if (known) {
        Object.assign(known, { best: score, sample })
        known.group.score = score
      } else
        seen.set(key, {
          key,
          best: score,
          sample,
          group: { proposed: mention.proposed!, count: 1, articles: 1, score },
        })
    }
    return [...seen.values()]
  })
  const groups = new Map<string, Open>()
  let proposals = 0
  for (const list of found)
    for (const open of list ?? []) {
      proposals += open.group.count
      const known = groups.get(open.key)
      if (!known) {
        groups.set(open.key, open)
        continue
      }
      known.group.count += open.group.count
      known.group.articles++
      if (open.best > known.best) Object.assign(known, { best: open.best, sample: open.sample })
      known.group.score = Math.max(known.group.score, open.group.score)
    }
  const sorted = [...groups.values()].sort(
    (a, b) =>
      b.group.count - a.group.count ||
      b.best - a.best ||
      a.group.proposed.name.localeCompare(b.group.proposed.name),
  )
  return { groups: sorted.map(({ group, sample }) => ({ ...group, sample })), proposals }
}
