// The one sentence for a file over the import size limit: said by the services, the browser-mode server
// and the page (which refuses such a file before sending it), so the analyst reads the same words.

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`
}

/** `size` may be unknown (an upload cut off at the limit). */
export function tooLargeMessage(file: string, size: number | undefined, limit: number): string {
  const subject = size === undefined ? `${file} is` : `${file} is ${sizeLabel(size)},`
  return `${subject} over the ${sizeLabel(limit)} limit for one file; it was not read. Set DOSSIER_MAX_FILE_MB to raise the limit.`
}
