// Opens a workspace and prints what the analyst would see of it, as JSON: run as another user to meet
// the permission errors root never gets.
import { Workspace } from '../../../src/main/services/store/workspace'

const workspace = await Workspace.open(process.argv[2]!)
let refused: string | undefined
try {
  await workspace.updateArticle(workspace.articles[0]!.id, (a) => (a.title = 'changed'))
} catch (error) {
  refused = (error as Error).message
}
const report = {
  readOnly: workspace.readOnly,
  articles: workspace.articles.map((a) => a.id),
  entities: workspace.entities.length,
  problems: workspace.problems,
  refused,
}
await workspace.close()
process.stdout.write(JSON.stringify(report))
