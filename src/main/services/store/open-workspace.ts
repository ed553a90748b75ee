// Opening a workspace folder: its layout, then dossier.json read and reconciled with articles/, or rebuilt.
import { access, mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { DossierError } from '../../../shared/errors'
import {
  SCHEMA_VERSION,
  type Article,
  type Case,
  type WorkspaceIndex,
  type WorkspaceProblem,
} from '../../../shared/model'
import { recoverCodes, type CodeEvidence } from '../codes/recover-codes'
import { summarize } from './article-row'
import { ARTICLES_DIR, TRASH_DIR } from './article-file'
import { BACKUPS_DIR, hasBackups, newestValidBackup, writeBackup, type Backup } from './backups'
import { emptyIndex, INDEX_FILE, type DossierIndex } from './dossier-index'
import { isNotWritable, readFailure } from './fs-errors'
import { InvalidFileError } from './json-file-adapter'
import { ORIGINALS_DIR } from './originals'
import { quarantine } from './quarantine'
import { recoverEntities, type EntityEvidence, type EntityRecovery } from './recover-entities'
import { scanArticles } from './scan-articles'

/** The workspace being opened, as loading the index sees it. */
export interface Opening {
  readonly dir: string
  readonly readOnly: boolean
  readonly problems: WorkspaceProblem[]
  readonly index: DossierIndex
}

/** Creates the folder layout; false when the folder exists but cannot be written (open read-only). */
export async function prepareFolders(dir: string): Promise<boolean> {
  try {
    for (const sub of [ARTICLES_DIR, ORIGINALS_DIR, BACKUPS_DIR])
      await mkdir(join(dir, sub), { recursive: true })
    return true
  } catch (error) {
    if (!isNotWritable(error)) throw error
    const exists = await access(dir).then(
      () => true,
      () => false,
    )
    if (exists) return false
    throw new DossierError(
      'permission-denied',
      `The workspace ${dir} does not exist and cannot be created there (${readFailure(error)}). Choose a folder you can write to.`,
    )
  }
}

/**
 * Reads dossier.json into `ws.index` and reconciles it with the article files. Also says which articles
 * had a log in the folder (undefined when it could not be read), so loading the others looks for none.
 */
export async function loadIndex(
  ws: Opening,
): Promise<{ backupDone: Promise<void>; logs: Set<string> | undefined }> {
  const indexPath = join(ws.dir, INDEX_FILE)
  let index: WorkspaceIndex | null = null
  let text: string | undefined
  let damage: string | undefined
  try {
    const read = await ws.index.file.readWithText()
    index = read?.data ?? null
    text = read?.text
  } catch (error) {
    if (error instanceof InvalidFileError) damage = error.reason
    else if (error instanceof DossierError) throw error
    else
      throw new DossierError(
        'permission-denied',
        `The workspace index ${indexPath} could not be read because ${readFailure(error)}. Nothing was changed; fix it and open the workspace again.`,
      )
  }
  if (damage) return { backupDone: Promise.resolve(), logs: await rebuild(ws, indexPath, damage) }
  if (!index && (await hasHistory(ws.dir)))
    return { backupDone: Promise.resolve(), logs: await rebuild(ws, indexPath, undefined) }

  ws.index.data = index ?? emptyIndex()
  for (const row of ws.index.data.articles) ws.index.rows.set(row.id, row)
  const result = await scan(ws, false)
  const none = { backupDone: Promise.resolve(), logs: result.logs }
  if (ws.readOnly) return none
  if (result.changed || text === undefined) await ws.index.flush()
  // A copy of the index as it was read and validated. Not part of opening: the library shows meanwhile.
  if (text !== undefined) return { ...none, backupDone: writeBackup(ws.dir, text).catch(() => {}) }
  return none
}

/** Whether there was a workspace here before, so a missing dossier.json means it was lost. */
async function hasHistory(dir: string): Promise<boolean> {
  const names = await readdir(join(dir, ARTICLES_DIR)).catch(() => [] as string[])
  return names.some((n) => n.endsWith('.json')) || (await hasBackups(dir))
}

/**
 * dossier.json is damaged (`damage` says how) or gone (undefined): the newest valid backup, the
 * article files and their tags rebuild it.
 */
async function rebuild(
  ws: Opening,
  indexPath: string,
  damage: string | undefined,
): Promise<Set<string> | undefined> {
  const backup = await newestValidBackup(ws.dir)
  const evidence: EntityEvidence[] = []
  const codeEvidence: CodeEvidence[] = []
  const caseIds = new Set<string>()
  const { logs } = await scan(
    ws,
    true,
    ({ updatedAt, entityCopies, mentions, codeCopies, highlights, cases }) => {
      evidence.push({ updatedAt, entityCopies, mentions })
      codeEvidence.push({ codeCopies, highlights })
      for (const id of cases ?? []) caseIds.add(id)
    },
  )
  const recovery = recoverEntities(backup?.index.entities ?? [], backup?.takenAt, evidence)
  ws.index.data = {
    schemaVersion: SCHEMA_VERSION,
    createdAt: backup?.index.createdAt ?? new Date().toISOString(),
    articles: [],
    entities: recovery.entities,
    codes: recoverCodes(backup?.index.codes, codeEvidence),
    cases: recoverCases(backup?.index.cases ?? [], caseIds),
  }
  const restored = restoredSummary(ws.index.rows.size, backup, await hasBackups(ws.dir), recovery)
  const problem =
    damage === undefined
      ? { file: INDEX_FILE, message: `${INDEX_FILE} is missing. ${restored}.` }
      : await quarantine(ws.dir, indexPath, damage, { readOnly: ws.readOnly, restored })
  ws.problems.unshift(problem)
  // No backup is made or rotated in this session: the copies from before the damage stay as they are.
  if (!ws.readOnly) await ws.index.flush()
  return logs
}

/** The backup's cases, and a placeholder for each case an article is in that the backup does not know. */
function recoverCases(known: readonly Case[], used: ReadonlySet<string>): Case[] {
  const cases = [...known]
  const createdAt = new Date().toISOString()
  for (const id of used)
    if (!cases.some((c) => c.id === id))
      cases.push({ id, name: `Recovered case ${cases.length + 1}`, createdAt })
  return cases
}

async function scan(ws: Opening, readAll: boolean, onArticle?: (article: Article) => void) {
  const result = await scanArticles(ws.dir, ws.index.rows, {
    readAll,
    readOnly: ws.readOnly,
    onArticle,
    summarize,
    inTrash: (id) =>
      access(join(ws.dir, TRASH_DIR, `${id}.json`)).then(
        () => true,
        () => false,
      ),
  })
  ws.problems.push(...result.problems)
  return result
}

function restoredSummary(
  articles: number,
  backup: Backup | undefined,
  hadBackups: boolean,
  recovery: EntityRecovery,
): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
  const parts = [`${count(articles, 'article')} from their files`]
  const fromBackup = recovery.entities.length - recovery.fromCopies - recovery.fromTags
  if (backup) {
    const when = backup.takenAt.toISOString().slice(0, 16).replace('T', ' ')
    parts.push(`${count(fromBackup, 'entity', 'entities')} from the backup of ${when} (${backup.file})`)
  } else {
    parts.push(hadBackups ? 'none of the backups could be read' : 'there was no backup yet')
  }
  if (recovery.fromCopies > 0)
    parts.push(
      `${count(recovery.fromCopies, 'entity', 'entities')} from the copies kept in the article files`,
    )
  if (recovery.fromTags > 0)
    parts.push(
      `${count(recovery.fromTags, 'entity', 'entities')} from the tagged text alone (named after it and typed Other: check them)`,
    )
  return `Dossier rebuilt it: ${parts.join('; ')}. Every tag points at an entity`
}
