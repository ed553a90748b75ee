// Short random ids: lowercase base36, safe as file names on every OS.
import { randomBytes } from 'node:crypto'

export function newId(): string {
  const bytes = randomBytes(10)
  let id = ''
  for (const byte of bytes) id += (byte % 36).toString(36)
  return id
}
