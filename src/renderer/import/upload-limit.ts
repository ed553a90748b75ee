// The largest file the services take, asked once: the page refuses a bigger one before sending it.
import { dossier } from '../api/client'

let asked: Promise<number> | undefined

export function uploadLimit(): Promise<number> {
  asked ??= dossier.workspace.info().then((info) => info.maxFileBytes)
  // A failed question is asked again next time rather than remembered.
  asked.catch(() => (asked = undefined))
  return asked
}
