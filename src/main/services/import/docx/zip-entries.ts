// Lists the file names in a zip archive from its central directory, without unpacking anything: enough to
// tell a Word document (it has word/document.xml) from any other zip before handing it to mammoth.

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
const END_RECORD_SIZE = 22
/** The end record is followed by a comment of at most 65,535 bytes, so it is found within this distance. */
const MAX_END_SEARCH = END_RECORD_SIZE + 0xffff

function findEndRecord(view: DataView): number {
  const last = view.byteLength - END_RECORD_SIZE
  for (let at = last; at >= 0 && at >= last - MAX_END_SEARCH; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at
  }
  return -1
}

/** The names of the archive's entries, or undefined when the archive's directory cannot be read. */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const end = findEndRecord(view)
  if (end < 0) return undefined
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  // 0xffffffff means a zip64 archive (over 4 GB): far beyond any Word document Dossier would import.
  if (at === 0xffffffff || at >= bytes.length) return undefined
  const names: string[] = []
  const decoder = new TextDecoder('utf-8', { fatal: false })
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return undefined
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    if (at + 46 + nameLength > bytes.length) return undefined
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)))
    at += 46 + nameLength + extraLength + commentLength
  }
  return names
}
