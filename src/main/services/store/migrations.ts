// Schema versions of workspace files and the steps between them, applied before validation.
import { DossierError } from '../../../shared/errors'
import { SCHEMA_VERSION } from '../../../shared/model'
import { DEFAULT_CODES, LEGACY_COLOR_CODES, seedCodes } from '../codes/codebook'

type Step = (data: Record<string, unknown>) => Record<string, unknown>

const isArticle = (data: Record<string, unknown>) => Array.isArray(data.highlights)
const isIndex = (data: Record<string, unknown>) => Array.isArray(data.articles)

/**
 * 1 → 2: colours become codes. A highlight's colour becomes the legacy code of that colour; the index
 * gains the default codebook, plus the four colour codes when it had any highlights, so nothing shown
 * before is lost and the analyst can rename or merge them.
 */
function colorsToCodes(data: Record<string, unknown>): Record<string, unknown> {
  if (isArticle(data)) {
    const highlights = (data.highlights as unknown[]).map((value) => {
      if (!value || typeof value !== 'object') return value
      const { color, ...rest } = value as Record<string, unknown>
      const legacy = typeof color === 'string' ? LEGACY_COLOR_CODES[color] : undefined
      return { ...rest, codeId: legacy?.id ?? LEGACY_COLOR_CODES.yellow!.id }
    })
    return { ...data, highlights }
  }
  if (isIndex(data)) {
    const createdAt = typeof data.createdAt === 'string' ? data.createdAt : new Date().toISOString()
    const hadHighlights = (data.articles as unknown[]).some(
      (row) => Number((row as { highlightCount?: unknown } | null)?.highlightCount) > 0,
    )
    const seeds = hadHighlights ? [...DEFAULT_CODES, ...Object.values(LEGACY_COLOR_CODES)] : DEFAULT_CODES
    return { ...data, codes: seedCodes(seeds, createdAt) }
  }
  return data
}

/** steps[n] turns a version-n file into version n+1. Version 1 is the first release. */
const steps: Record<number, Step> = { 1: colorsToCodes }

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
