#!/usr/bin/env node
// The `dossier` command line: builds the app when needed, then runs its command-line entry.
import { fileURLToPath } from 'node:url'
import { buildIfNeeded } from '../scripts/build-if-needed.mjs'

buildIfNeeded(fileURLToPath(new URL('..', import.meta.url)))
await import(new URL('../out/main/cli.js', import.meta.url).href)
