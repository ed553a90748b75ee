// The keys chosen in a review list (occurrences to tag, proposals to accept), as a new set with some
// keys added or taken away: what a checkbox, "Select all" and "Select none" set.
export function withKeys(current: ReadonlySet<string>, keys: readonly string[], on: boolean): Set<string> {
  const next = new Set(current)
  for (const key of keys) {
    if (on) next.add(key)
    else next.delete(key)
  }
  return next
}
