// Accepts files and folders dropped anywhere on the window and says while a drag with files is over it.
// Drags that carry no files (selected text, links) are left alone.
import { useEffect, useRef, useState } from 'react'
import { isDesktop } from '../api/client'
import { droppedItems, type DroppedItems } from '../import/dropped-items'

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false
}

export function useFileDrop(onFiles: (items: DroppedItems) => void): boolean {
  const [dragging, setDragging] = useState(false)
  const onFilesRef = useRef(onFiles)

  useEffect(() => {
    onFilesRef.current = onFiles
  })

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed; the depth says when the drag left the window.
    let depth = 0
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      depth++
      setDragging(true)
    }
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0 || event.relatedTarget === null) {
        depth = 0
        setDragging(false)
      }
    }
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      // Without this the window would navigate to the dropped file.
      event.preventDefault()
      depth = 0
      setDragging(false)
      if (!event.dataTransfer) return
      // Read now: the browser empties the DataTransfer once the event is over.
      const items = droppedItems(event.dataTransfer, isDesktop)
      if (items.files.length > 0 || items.folders.length > 0) onFilesRef.current(items)
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [])

  return dragging
}
