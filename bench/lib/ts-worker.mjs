// Loads a TypeScript worker through tsx: Node 20 ignores loader hooks given to a worker's execArgv.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
