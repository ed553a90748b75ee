// The hidden file picker behind "Import files…" and Ctrl/Cmd+O.
import type { Ref } from 'react'
import { ARTICLE_ACCEPT } from '../../shared/formats'

interface ImportFileInputProps {
  ref: Ref<HTMLInputElement>
  onFiles: (files: File[]) => void
}

export function ImportFileInput({ ref, onFiles }: ImportFileInputProps) {
  return (
    <input
      ref={ref}
      type="file"
      multiple
      accept={ARTICLE_ACCEPT}
      hidden
      tabIndex={-1}
      aria-hidden
      data-testid="import-input"
      onChange={(event) => {
        const files = [...(event.currentTarget.files ?? [])]
        // Cleared so that choosing the same file again still fires a change.
        event.currentTarget.value = ''
        onFiles(files)
      }}
    />
  )
}
