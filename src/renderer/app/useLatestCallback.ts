// A callback whose identity never changes but which always runs the latest function given: memoised
// children (the Library's list, its rows) keep their props across renders that change only what the
// callback reads, such as the search box's text at each key press.
import { useCallback, useLayoutEffect, useRef } from 'react'

export function useLatestCallback<Args extends unknown[], Result>(
  fn: (...args: Args) => Result,
): (...args: Args) => Result {
  const latest = useRef(fn)
  useLayoutEffect(() => {
    latest.current = fn
  })
  return useCallback((...args: Args) => latest.current(...args), [])
}
