// What a drop carries, read while the drop event lasts (the browser empties the DataTransfer after it):
// the files, and in browser mode the folders to walk. On the desktop a dropped folder is a File with a
// path, and the services walk it.
export interface DroppedItems {
  files: File[]
  folders: FileSystemDirectoryEntry[]
}

export function droppedItems(transfer: DataTransfer, desktop: boolean): DroppedItems {
  const items = [...(transfer.items ?? [])].filter((item) => item.kind === 'file')
  if (desktop || items.length === 0 || typeof items[0]?.webkitGetAsEntry !== 'function') {
    return { files: [...transfer.files], folders: [] }
  }
  const files: File[] = []
  const folders: FileSystemDirectoryEntry[] = []
  for (const item of items) {
    // Null for files a page made itself (no entry behind them); those are plain files.
    const entry = item.webkitGetAsEntry()
    if (entry?.isDirectory) {
      folders.push(entry as FileSystemDirectoryEntry)
      continue
    }
    const file = item.getAsFile()
    if (file) files.push(file)
  }
  return { files, folders }
}
