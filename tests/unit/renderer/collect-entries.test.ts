// Folders dropped in browser mode are walked like the desktop walks them: every chunk of every folder
// read, only article formats taken from inside folders, hidden entries passed over, dropped files all tried.
import { describe, expect, it } from 'vitest'
import { collectEntries, readAllEntries } from '../../../src/renderer/import/collect-entries'

type Tree = { [name: string]: Tree | string }

/** A fake FileSystemEntry tree whose readers hand out at most `chunk` entries per readEntries call. */
function entry(name: string, node: Tree | string, parent = '', chunk = 2): FileSystemEntry {
  const fullPath = `${parent}/${name}`
  if (typeof node === 'string') {
    return {
      name,
      fullPath,
      isFile: true,
      isDirectory: false,
      file: (ok: (file: File) => void, fail: (error: Error) => void) =>
        node === 'unreadable' ? fail(new Error('permission denied')) : ok(new File([node], name)),
    } as unknown as FileSystemFileEntry
  }
  const children = Object.entries(node).map(([n, child]) => entry(n, child, fullPath, chunk))
  return {
    name,
    fullPath,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0
      return {
        readEntries: (ok: (entries: FileSystemEntry[]) => void) => {
          const next = children.slice(at, at + chunk)
          at += next.length
          setTimeout(() => ok(next), 0)
        },
      }
    },
  } as unknown as FileSystemDirectoryEntry
}

describe('readAllEntries', () => {
  it('calls readEntries until it returns nothing', async () => {
    const tree: Tree = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`f${i}.txt`, 'x']))
    const folder = entry('Reports', tree, '', 3) as FileSystemDirectoryEntry
    expect((await readAllEntries(folder.createReader())).map((e) => e.name)).toHaveLength(7)
  })
})

describe('collectEntries', () => {
  const reports: Tree = {
    'b.md': '# B',
    'a.txt': 'A',
    'photo.jpg': 'jpeg',
    '.DS_Store': 'junk',
    '.hidden': { 'secret.txt': 'no' },
    '2023': { 'brief.PDF': '%PDF', 'notes.odt': 'odt', 'page.html': '<p>' },
    'locked.docx': 'unreadable',
  }

  it('walks folders in name order, takes article formats, ignores the rest and skips hidden entries', async () => {
    const found = await collectEntries([entry('Reports', reports)])
    expect(found.files.map((f) => f.path)).toEqual([
      'Reports/2023/brief.PDF',
      'Reports/2023/page.html',
      'Reports/a.txt',
      'Reports/b.md',
    ])
    expect(found.files[2]!.file.name).toBe('a.txt')
    expect(found.ignored).toEqual(['Reports/2023/notes.odt', 'Reports/photo.jpg'])
    expect(found.unreadable).toEqual([{ path: 'Reports/locked.docx', reason: 'permission denied' }])
  })

  it('tries a file dropped directly whatever its name', async () => {
    const found = await collectEntries([entry('scan.jpeg', 'bytes'), entry('.env', 'x')])
    expect(found.files.map((f) => f.path)).toEqual(['scan.jpeg', '.env'])
    expect(found.ignored).toEqual([])
  })
})
