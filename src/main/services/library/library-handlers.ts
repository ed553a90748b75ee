// The library's part of the API beyond search: many articles removed, restored or labelled at once, the
// trash, cases, saved searches and duplicates.
import type { Handlers } from '../../../shared/api'
import type { Workspace } from '../store/workspace'
import { caseHandlers } from './cases'
import { findDuplicates, TextLengths } from './duplicates'
import { labelHandlers } from './labels'
import { Trash, trashHandlers } from './trash'

type LibraryHandlers = Pick<
  Handlers,
  | 'library.duplicates'
  | 'articles.removeMany'
  | 'articles.restoreMany'
  | 'articles.label'
  | 'trash.list'
  | 'trash.empty'
  | 'cases.list'
  | 'cases.create'
  | 'cases.rename'
  | 'cases.remove'
  | 'searches.list'
  | 'searches.save'
  | 'searches.remove'
>

export function libraryHandlers(workspace: Workspace): LibraryHandlers {
  const textLengths = new TextLengths(workspace)
  return {
    ...trashHandlers(new Trash(workspace)),
    ...labelHandlers(workspace),
    ...caseHandlers(workspace),
    'library.duplicates': async () => findDuplicates(workspace.articles, textLengths),
    'searches.list': async () => workspace.searches.list(),
    'searches.save': async ({ name, query }) => workspace.searches.save(name, query),
    'searches.remove': async ({ id }) => workspace.searches.remove(id),
  }
}
