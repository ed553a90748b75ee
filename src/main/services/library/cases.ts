// Cases: collections of articles the analyst works on together, kept in dossier.json. A name is unique
// without regard to case; deleting a case takes it out of every article first, so no article is left
// pointing at a case that is gone.
import type { Handlers } from '../../../shared/api'
import { DossierError } from '../../../shared/errors'
import type { Case } from '../../../shared/model'
import { newId } from '../store/ids'
import type { Workspace } from '../store/workspace'
import { labelArticles } from './labels'

type CaseHandlers = Pick<Handlers, 'cases.list' | 'cases.create' | 'cases.rename' | 'cases.remove'>

const fold = (name: string) => name.trim().normalize('NFC').toLocaleLowerCase()

function assertFreeName(cases: readonly Case[], name: string, except?: string): void {
  const clash = cases.find((c) => c.id !== except && fold(c.name) === fold(name))
  if (clash) throw new DossierError('invalid-argument', `There is already a case named "${clash.name}".`)
}

export function findCase(cases: readonly Case[], id: string): Case {
  const found = cases.find((c) => c.id === id)
  if (!found) throw new DossierError('not-found', 'That case no longer exists. It may have been deleted.')
  return found
}

export function createCase(cases: Case[], name: string, now = new Date()): Case {
  assertFreeName(cases, name)
  const created: Case = { id: newId(), name: name.trim(), createdAt: now.toISOString() }
  cases.push(created)
  return created
}

/** Renames in place; returns whether the name changed at all. */
export function renameCase(cases: Case[], id: string, name: string): { renamed: Case; changed: boolean } {
  const found = findCase(cases, id)
  assertFreeName(cases, name, id)
  const changed = found.name !== name.trim()
  found.name = name.trim()
  return { renamed: found, changed }
}

export function caseHandlers(workspace: Workspace): CaseHandlers {
  return {
    'cases.list': async () =>
      [...workspace.cases].sort(
        (a, b) => a.name.localeCompare(b.name) || a.createdAt.localeCompare(b.createdAt),
      ),
    'cases.create': async ({ name }) =>
      workspace.updateCases((cases) => ({ changed: true, result: { ...createCase(cases, name) } })),
    'cases.rename': async ({ id, name }) =>
      workspace.updateCases((cases) => {
        const { renamed, changed } = renameCase(cases, id, name)
        return { changed, result: { ...renamed } }
      }),
    'cases.remove': async ({ id }) => {
      findCase(workspace.cases, id)
      // Rows from before cases were listed are read again first, so every article in the case is found.
      await workspace.rowsRefreshed()
      const members = workspace.articles.filter((row) => row.cases?.includes(id)).map((row) => row.id)
      // If an article cannot leave the case, the case stays, so removing it can be tried again.
      const articles =
        members.length > 0 ? await labelArticles(workspace, members, { removeCases: [id] }) : []
      await workspace.updateCases((cases) => {
        const index = cases.findIndex((c) => c.id === id)
        if (index >= 0) cases.splice(index, 1)
        return { changed: index >= 0, result: undefined }
      })
      return { articles }
    },
  }
}
