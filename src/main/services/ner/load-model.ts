// Finds and loads the shipped model (resources/ner/model.bin.gz) once, on first use: the app and the
// command line pay for it only when something is recognised. Never fetched: it ships with the app.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { decodeModel, type NerModel } from './model'

export const MODEL_FILE = 'model.bin.gz'

/**
 * resources/ner beside the code: two levels up from out/main/ in a build, four from this file in the
 * sources (tests, scripts); DOSSIER_NER_MODEL names another file.
 */
export function modelPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOSSIER_NER_MODEL) return env.DOSSIER_NER_MODEL
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let up = 0; up < 6; up++) {
    const candidate = join(dir, 'resources', 'ner', MODEL_FILE)
    if (existsSync(candidate)) return candidate
    dir = dirname(dir)
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'ner', MODEL_FILE)
}

export function loadModelFile(path: string): NerModel {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new Error(
      missing
        ? `${path} is missing: the entity recogniser's model ships with Dossier; run "npm run train:ner" to make it.`
        : `${path} could not be read: ${(error as Error).message}`,
    )
  }
  return decodeModel(bytes, path)
}

let shared: NerModel | undefined

/** The shipped model, read on the first call. */
export function sharedModel(): NerModel {
  shared ??= loadModelFile(modelPath())
  return shared
}
