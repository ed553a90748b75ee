// The duplicates view: groups of likely-same stories, each copy with what it is (format, size) and the
// work on it, and the copy to keep: the one with the most highlights and tags, then the longest visible
// text, then the richest format, then the first imported.
import type { DuplicateCopy, DuplicateGroup } from '../../../shared/library'
import type { ArticleSummary } from '../../../shared/model'
import { visibleText } from '../import/boilerplate'
import type { Workspace } from '../store/workspace'
import { eachSettled } from './batch'
import { Fingerprints, groupDuplicates } from './duplicate-groups'
import { originalFormat } from './original-format'

/** Visible text lengths of the articles in groups, by id, kept while their rows do not change. */
export class TextLengths {
  private readonly known = new Map<string, { savedAt: number; length: number }>()

  constructor(private readonly workspace: Workspace) {}

  async of(rows: readonly ArticleSummary[]): Promise<Map<string, number>> {
    const lengths = new Map<string, number>()
    await eachSettled(rows, async (row) => {
      const known = this.known.get(row.id)
      if (known && known.savedAt === row.savedAt) return void lengths.set(row.id, known.length)
      const article = await this.workspace.peekArticle(row.id)
      const length = visibleText(article.text, article.blocks).length
      this.known.set(row.id, { savedAt: row.savedAt, length })
      lengths.set(row.id, length)
    })
    return lengths
  }
}

function copyOf(row: ArticleSummary): DuplicateCopy {
  return {
    article: row,
    format: originalFormat(row.originalType, row.originalName).label,
    bytes: row.originalSize ?? 0,
    highlightCount: row.highlightCount,
    entityCount: row.entityCount,
  }
}

/** Best copy to keep first. */
function keepOrder(lengths: ReadonlyMap<string, number>) {
  const work = (row: ArticleSummary) => row.highlightCount + row.entityCount
  const richness = (row: ArticleSummary) => originalFormat(row.originalType, row.originalName).richness
  return (a: ArticleSummary, b: ArticleSummary) =>
    work(b) - work(a) ||
    (lengths.get(b.id) ?? 0) - (lengths.get(a.id) ?? 0) ||
    richness(b) - richness(a) ||
    a.importedAt.localeCompare(b.importedAt) ||
    a.id.localeCompare(b.id)
}

export async function findDuplicates(
  rows: readonly ArticleSummary[],
  textLengths: TextLengths,
): Promise<DuplicateGroup[]> {
  const prints = new Fingerprints(rows)
  const groups = groupDuplicates(rows, prints)
  const lengths = await textLengths.of(groups.flat().map((i) => rows[i]!))
  const order = keepOrder(lengths)
  const position = new Map(rows.map((row, i) => [row, i]))
  return groups
    .map((members) => {
      const copies = members.map((i) => rows[i]!).sort(order)
      const keep = copies[0]!
      // How far the copies stray from the one kept: the least alike decides. Same bytes count as 1; a
      // copy too short for a fingerprint, joined by its title, counts as 0.5.
      const similarity = Math.min(
        ...copies
          .slice(1)
          .map((copy) =>
            copy.sha256 === keep.sha256
              ? 1
              : (prints.similarity(position.get(keep)!, position.get(copy)!) ?? 0.5),
          ),
      )
      return { keep: keep.id, copies: copies.map(copyOf), similarity }
    })
    .sort(
      (a, b) =>
        b.copies.length - a.copies.length ||
        a.copies[0]!.article.title.localeCompare(b.copies[0]!.article.title),
    )
}
