// A contender in the open race: when told, opens the workspace at an agreed instant, and if it wins,
// writes an entity and keeps the workspace open until told to close it.
import { DossierError } from '../../../src/shared/errors'
import { newId } from '../../../src/main/services/store/ids'
import { Workspace } from '../../../src/main/services/store/workspace'

export type RaceCommand = { type: 'open'; dir: string; at: number } | { type: 'close' } | { type: 'exit' }
export type RaceReport =
  | { type: 'result'; won: true; entityId: string }
  | { type: 'result'; won: false; code: string; message: string }
  | { type: 'closed' }

let open: Workspace | undefined
const send = (report: RaceReport) => process.send!(report)

process.on('message', (command: RaceCommand) => {
  void (async () => {
    if (command.type === 'open') {
      // Spin rather than sleep: a timer would spread the contenders over milliseconds.
      while (Date.now() < command.at);
      try {
        const workspace = await Workspace.open(command.dir)
        open = workspace
        const entityId = newId()
        await workspace.addEntity({
          id: entityId,
          name: `Winner ${process.pid} ${entityId}`,
          type: 'Person',
          aliases: [],
          notes: '',
          createdAt: new Date().toISOString(),
        })
        send({ type: 'result', won: true, entityId })
      } catch (error) {
        const code = error instanceof DossierError ? error.code : 'internal'
        send({ type: 'result', won: false, code, message: (error as Error).message })
      }
    } else if (command.type === 'close') {
      await open?.close()
      open = undefined
      send({ type: 'closed' })
    } else {
      await open?.close()
      process.exit(0)
    }
  })()
})
send({ type: 'closed' })
