// Cases and tags on many articles at once. Tags are trimmed and compared without regard to case, and keep
// the spelling they were first written in; an article is written only when its labels change.
import type { Handlers } from '../../../shared/api'
import { DossierError } from '../../../shared/errors'
import type { Article, ArticleSummary } from '../../../shared/model'
import { isOldRow } from '../store/article-row'
import type { Workspace } from '../store/workspace'
import { eachSettled, unique, valuesOrReport } from './batch'

export interface LabelChange {
  addCases?: readonly string[]
  removeCases?: readonly string[]
  addTags?: readonly string[]
  removeTags?: readonly string[]
}

interface Labels {
  tags: string[]
  cases: string[]
}

export const foldTag = (tag: string): string => tag.trim().normalize('NFC').toLocaleLowerCase()

/** The labels after the change, or undefined when nothing would change. */
export function relabel(
  labels: { readonly tags?: readonly string[]; readonly cases?: readonly string[] },
  change: LabelChange,
): Labels | undefined {
  const before = { tags: labels.tags ?? [], cases: labels.cases ?? [] }
  const removeTags = new Set((change.removeTags ?? []).map(foldTag))
  const removeCases = new Set(change.removeCases ?? [])
  const tags = before.tags.filter((t) => !removeTags.has(foldTag(t)))
  const cases = before.cases.filter((c) => !removeCases.has(c))
  const seen = new Set(tags.map(foldTag))
  for (const tag of change.addTags ?? []) {
    const trimmed = tag.trim()
    if (!trimmed || seen.has(foldTag(trimmed))) continue
    seen.add(foldTag(trimmed))
    tags.push(trimmed)
  }
  for (const id of change.addCases ?? []) if (!cases.includes(id)) cases.push(id)
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((x, i) => x === b[i])
  if (same(tags, before.tags) && same(cases, before.cases)) return undefined
  return { tags, cases }
}

/** Applies the change to a copy of the article as updateArticle hands it; an emptied case list goes. */
function applyLabels(article: Article, change: LabelChange): void {
  const next = relabel(article, change)
  if (!next) return
  article.tags = next.tags
  if (next.cases.length > 0) article.cases = next.cases
  else delete article.cases
}

/**
 * Changes the labels of every article given; returns their rows. An article whose row already shows the
 * labels as asked is not written again. Unknown cases are refused before anything changes.
 */
export async function labelArticles(
  workspace: Workspace,
  ids: readonly string[],
  change: LabelChange,
): Promise<ArticleSummary[]> {
  workspace.assertWritable()
  const known = new Set(workspace.cases.map((c) => c.id))
  for (const id of [...(change.addCases ?? []), ...(change.removeCases ?? [])])
    if (!known.has(id))
      throw new DossierError('not-found', 'That case no longer exists. It may have been deleted.')
  const all = unique(ids)
  const titles = new Map(all.map((id) => [id, workspace.summary(id)?.title]))
  const results = await eachSettled(all, async (id) => {
    const row = workspace.summary(id)
    if (row && !isOldRow(row) && !relabel(row, change)) return row
    await workspace.updateArticle(id, (article) => applyLabels(article, change))
    return workspace.summary(id)!
  })
  return valuesOrReport(all, results, 'labelled', (id) => titles.get(id))
}

export function labelHandlers(workspace: Workspace): Pick<Handlers, 'articles.label'> {
  return {
    'articles.label': async ({ ids, ...change }) => labelArticles(workspace, ids, change),
  }
}
