// Walks folders dropped in browser mode (the File and Directory Entries API), the way the services walk
// them on the desktop: inside folders only article formats are taken and hidden entries are passed over;
// files dropped directly are all tried, their content decides.
import { ARTICLE_FILE } from '../../shared/formats'

export interface CollectedFile {
  file: File
  /** Where it was found, as the analyst will recognise it: "Reports/2023/brief.txt". */
  path: string
}

export interface CollectedEntries {
  files: CollectedFile[]
  /** Files inside the folders that are not articles, left alone. */
  ignored: string[]
  /** Entries that could not be read, with the browser's reason. */
  unreadable: { path: string; reason: string }[]
}

function pathOf(entry: FileSystemEntry): string {
  return (entry.fullPath || entry.name).replace(/^\/+/, '')
}

function reasonOf(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? error.message : String(error)
}

/** readEntries hands out a directory in chunks (100 at a time in Chromium): call it until it returns none. */
export async function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = []
  for (;;) {
    const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    )
    if (chunk.length === 0) return all
    all.push(...chunk)
  }
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject))
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile
}

/** Collects the files under dropped entries, folders walked depth first in name order. */
export async function collectEntries(roots: readonly FileSystemEntry[]): Promise<CollectedEntries> {
  const out: CollectedEntries = { files: [], ignored: [], unreadable: [] }

  async function walk(entry: FileSystemEntry, inFolder: boolean): Promise<void> {
    const path = pathOf(entry)
    try {
      if (isDirectory(entry)) {
        const children = (await readAllEntries(entry.createReader()))
          .filter((child) => !child.name.startsWith('.'))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        for (const child of children) await walk(child, true)
      } else if (isFile(entry)) {
        if (inFolder && !ARTICLE_FILE.test(entry.name)) out.ignored.push(path)
        else out.files.push({ file: await fileOf(entry), path })
      }
    } catch (error) {
      out.unreadable.push({ path, reason: reasonOf(error) })
    }
  }

  for (const root of roots) await walk(root, false)
  return out
}
