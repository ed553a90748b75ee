// How each excerpt of the open brief stands in its article (number, citation, code, removed or not),
// asked of the services each time the saved brief's excerpts change, so the cards say what the
// exports will print.
import { useEffect, useState } from 'react'
import type { Brief, ExcerptState } from '../../shared/brief'
import { dossier } from '../api/client'

export function useExcerptStates(saved: Brief): Map<string, ExcerptState> {
  const [states, setStates] = useState<Map<string, ExcerptState>>(new Map())
  const key = saved.sections
    .flatMap((s) => s.items.flatMap((i) => (i.kind === 'excerpt' ? [i.id] : [])))
    .join(' ')

  useEffect(() => {
    let live = true
    dossier.briefs.excerpts({ id: saved.id }).then(
      (rows) => live && setStates(new Map(rows.map((r) => [r.itemId, r]))),
      // The cards still show what the brief keeps; the next save asks again.
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [saved.id, key])

  return states
}
