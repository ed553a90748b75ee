// The log of acknowledged writes, and the check that a workspace holds every one of them. A change that
// was attempted but not acknowledged may or may not have landed; the check accepts either, then takes
// what it finds as the truth for the trials that follow.
import type { Workspace } from '../../../src/main/services/store/workspace'

export type LogLine =
  | { op: 'ready' }
  | { op: 'import'; stage: 'attempt'; file: string }
  | { op: 'import'; stage: 'ack'; file: string; articleId: string }
  | { op: 'highlight'; stage: 'attempt'; articleId: string; note: string }
  | { op: 'highlight'; stage: 'ack'; articleId: string; id: string; note: string }
  | { op: 'note'; stage: 'attempt' | 'ack'; articleId: string; id: string; note: string }
  | { op: 'remove'; stage: 'attempt' | 'ack'; articleId: string; id: string }
  | { op: 'tag'; stage: 'attempt'; articleId: string; name: string }
  | { op: 'tag'; stage: 'ack'; articleId: string; id: string; entityId: string; name: string }

interface HighlightState {
  articleId: string
  /** true: must be there; false: must be gone; undefined: either (a removal in flight). */
  present: boolean | undefined
  /** The notes it may carry: the acknowledged one, and any attempted after it. */
  notes: Set<string>
}

export class AcknowledgedWrites {
  private readonly articles = new Set<string>()
  private readonly highlights = new Map<string, HighlightState>()
  private readonly tags = new Map<string, { articleId: string; entityId: string; name: string }>()
  /** Acknowledged writes seen so far, over every trial. */
  count = 0

  /** Whether an import was ever acknowledged, so the workspace has something to annotate. */
  get hasArticles(): boolean {
    return this.articles.size > 0
  }

  record(line: LogLine): void {
    if (line.op === 'ready') return
    if (line.stage === 'ack') this.count++
    switch (line.op) {
      case 'import':
        if (line.stage === 'ack') this.articles.add(line.articleId)
        break
      case 'highlight':
        if (line.stage === 'ack')
          this.highlights.set(line.id, {
            articleId: line.articleId,
            present: true,
            notes: new Set([line.note]),
          })
        break
      case 'note': {
        const state = this.highlights.get(line.id)
        if (!state) break
        if (line.stage === 'ack') state.notes = new Set([line.note])
        else state.notes.add(line.note)
        break
      }
      case 'remove': {
        const state = this.highlights.get(line.id)
        if (state) state.present = line.stage === 'ack' ? false : undefined
        break
      }
      case 'tag':
        if (line.stage === 'ack') this.tags.set(line.id, line)
        break
    }
  }

  /** The acknowledged writes the workspace does not hold, each as a sentence. */
  async missing(workspace: Workspace): Promise<string[]> {
    const lost: string[] = []
    const ids = new Set(workspace.articles.map((a) => a.id))
    for (const id of this.articles) if (!ids.has(id)) lost.push(`imported article ${id} is gone`)
    const byArticle = new Map<string, Awaited<ReturnType<Workspace['readArticle']>>>()
    const read = async (id: string) => {
      if (!byArticle.has(id)) byArticle.set(id, await workspace.readArticle(id))
      return byArticle.get(id)!
    }
    for (const [id, state] of this.highlights) {
      if (!ids.has(state.articleId)) continue
      const found = (await read(state.articleId)).highlights.find((h) => h.id === id)
      if (state.present === true && !found) lost.push(`highlight ${id} is gone`)
      if (state.present === false && found) lost.push(`removed highlight ${id} is back`)
      if (found && !state.notes.has(found.note)) lost.push(`highlight ${id} has note "${found.note}"`)
      // What is there now is the truth for the next trial.
      if (state.present === undefined) state.present = Boolean(found)
      if (found) state.notes = new Set([found.note])
    }
    const entities = new Map(workspace.entities.map((e) => [e.id, e]))
    for (const [id, tag] of this.tags) {
      if (!ids.has(tag.articleId)) continue
      if (!(await read(tag.articleId)).mentions.some((m) => m.id === id)) lost.push(`tag ${id} is gone`)
      if (entities.get(tag.entityId)?.name !== tag.name) lost.push(`entity "${tag.name}" is gone`)
    }
    for (const id of ids)
      for (const mention of (await read(id)).mentions)
        if (mention.entityId !== undefined && !entities.has(mention.entityId))
          lost.push(`tag ${mention.id} points at no entity`)
    return lost
  }
}
