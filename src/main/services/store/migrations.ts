// Schema versions of workspace files and the steps between them, applied before validation.
import { DossierError } from '../../../shared/errors'
import { SCHEMA_VERSION } from '../../../shared/model'

type Step = (data: Record<string, unknown>) => Record<string, unknown>

/** steps[n] turns a version-n file into version n+1. Version 1 is the first release. */
const steps: Record<number, Step> = {}

export function migrate(value: unknown, file: string): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value
  let data = value as Record<string, unknown>
  const version = data.schemaVersion
  if (typeof version !== 'number') return value
  if (version > SCHEMA_VERSION) {
    throw new DossierError(
      'newer-version',
      `${file} was written by a newer version of Dossier (format ${version}). Update Dossier to open this workspace; nothing was changed.`,
      file,
    )
  }
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = steps[v]
    if (!step)
      throw new DossierError(
        'damaged-file',
        `${file} has format ${v}, which this Dossier cannot upgrade.`,
        file,
      )
    data = { ...step(data), schemaVersion: v + 1 }
  }
  return data
}
