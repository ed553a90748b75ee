// Asks once, on start, where the workspace is and whether any of its files had to be quarantined.
import { useEffect, useState } from 'react'
import type { WorkspaceInfo } from '../../shared/api'
import { dossier } from '../api/client'
import { notifyError } from './notify'

export function useWorkspaceInfo(): WorkspaceInfo | undefined {
  const [info, setInfo] = useState<WorkspaceInfo>()

  useEffect(() => {
    let live = true
    dossier.workspace.info().then(
      (result) => live && setInfo(result),
      (error: unknown) => live && notifyError(error, 'Could not open the workspace'),
    )
    return () => {
      live = false
    }
  }, [])

  return info
}
