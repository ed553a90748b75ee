// npm run package: Dossier packaged for this machine's platform and architecture in dist/, with
// @electron/packager: the build, resources and production dependencies in app.asar, and the fuses of
// scripts/fuses.mjs flipped on the Electron binary before it is renamed (and, once configured, signed).
// It downloads Electron's release for the target, so it is not part of npm test or CI.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { packager } from '@electron/packager'
import { electronExecutable, flipDossierFuses } from './fuses.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))

/** What the app runs, relative to the project root; everything else (sources, tests, docs) stays out. */
const SHIPPED = /^\/(package\.json|out|resources|node_modules)(\/|$)/

/** Runs on the extracted Electron release, before it is renamed and signed. */
function flipFusesHook(buildPath, _electronVersion, platform, arch, done) {
  flipDossierFuses(electronExecutable(buildPath, platform), platform, arch).then(() => done(), done)
}

const appPaths = await packager({
  dir: root,
  out: join(root, 'dist'),
  name: 'Dossier',
  executableName: 'dossier',
  appBundleId: 'org.dossier.app',
  icon: join(root, 'resources', 'icon'),
  overwrite: true,
  prune: true,
  asar: true,
  ignore: (path) => path !== '' && !SHIPPED.test(path),
  afterExtract: [flipFusesHook],
})

for (const path of appPaths) console.log(`Packaged: ${path}`)
