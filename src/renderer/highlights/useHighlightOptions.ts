// What the filters offer: the codebook (names and colours), the entities, and the articles that have
// highlights, read once when the view opens.
import { useEffect, useState } from 'react'
import type { ArticleSummary, Code, Entity } from '../../shared/model'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'

export interface HighlightOptions {
  codes: Code[]
  entities: Entity[]
  articles: ArticleSummary[]
}

export function useHighlightOptions(): HighlightOptions {
  const [options, setOptions] = useState<HighlightOptions>({ codes: [], entities: [], articles: [] })

  useEffect(() => {
    let live = true
    Promise.all([dossier.codes.list(), dossier.entities.list(), dossier.articles.list()]).then(
      ([codes, entities, articles]) => {
        if (!live) return
        setOptions({
          codes,
          entities: [...entities].sort((a, b) => a.name.localeCompare(b.name)),
          articles: articles
            .filter((a) => a.highlightCount > 0)
            .sort((a, b) => a.title.localeCompare(b.title)),
        })
      },
      (error: unknown) => live && notifyError(error, 'Could not read the codes and entities'),
    )
    return () => {
      live = false
    }
  }, [])

  return options
}
