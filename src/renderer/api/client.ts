// The renderer's one handle on the services: `window.dossier` in the desktop app, HTTP in browser mode.
import { type DossierClient } from '../../shared/api'
import { createHttpClient } from './http-client'

declare global {
  interface Window {
    dossier?: DossierClient
    dossierDesktop?: { pathForFile(file: File): string }
  }
}

export const dossier: DossierClient = window.dossier ?? createHttpClient()

/** True in the Electron app, where dropped files have paths on disk. */
export const isDesktop = window.dossierDesktop !== undefined

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
