// The workspace's own entity types (name and colour) in the renderer, read once and again after each
// change, shared by every view that paints a type's colour: the reader's marks, the inspector, badges.
import { useSyncExternalStore } from 'react'
import type { EntityTypeDef } from '../../shared/model'
import { dossier } from '../api/client'

let types: readonly EntityTypeDef[] = []
let asked = false
const listeners = new Set<() => void>()

/** Reads the types again (after a type was made or changed); every view using them repaints. */
export async function refreshEntityTypes(): Promise<void> {
  asked = true
  try {
    types = await dossier.entityTypes.list()
  } catch {
    // The built-in colours still show; the next change asks again.
    return
  }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (!asked) void refreshEntityTypes()
  return () => listeners.delete(listener)
}

export function useEntityTypes(): readonly EntityTypeDef[] {
  return useSyncExternalStore(subscribe, () => types)
}
