// Builds small Word documents (and other zips) for tests: a stored (uncompressed) zip writer and just
// enough WordprocessingML for styles, italics, bold, bulleted and numbered lists and a picture-less caption.

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

/** A zip archive with the given files stored uncompressed. */
export function zip(files: Record<string, string>): Uint8Array {
  const encoder = new TextEncoder()
  const locals: Uint8Array[] = []
  const directory: Uint8Array[] = []
  let offset = 0
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = encoder.encode(name)
    const data = encoder.encode(content)
    const crc = crc32(data)
    const local = new Uint8Array(30 + nameBytes.length + data.length)
    const lv = new DataView(local.buffer)
    lv.setUint32(0, 0x04034b50, true)
    lv.setUint16(4, 20, true)
    lv.setUint32(14, crc, true)
    lv.setUint32(18, data.length, true)
    lv.setUint32(22, data.length, true)
    lv.setUint16(26, nameBytes.length, true)
    local.set(nameBytes, 30)
    local.set(data, 30 + nameBytes.length)
    const entry = new Uint8Array(46 + nameBytes.length)
    const cv = new DataView(entry.buffer)
    cv.setUint32(0, 0x02014b50, true)
    cv.setUint16(4, 20, true)
    cv.setUint16(6, 20, true)
    cv.setUint32(16, crc, true)
    cv.setUint32(20, data.length, true)
    cv.setUint32(24, data.length, true)
    cv.setUint16(28, nameBytes.length, true)
    cv.setUint32(42, offset, true)
    entry.set(nameBytes, 46)
    locals.push(local)
    directory.push(entry)
    offset += local.length
  }
  const directorySize = directory.reduce((n, d) => n + d.length, 0)
  const end = new Uint8Array(22)
  const ev = new DataView(end.buffer)
  ev.setUint32(0, 0x06054b50, true)
  ev.setUint16(8, directory.length, true)
  ev.setUint16(10, directory.length, true)
  ev.setUint32(12, directorySize, true)
  ev.setUint32(16, offset, true)
  const out = new Uint8Array(offset + directorySize + 22)
  let at = 0
  for (const part of [...locals, ...directory, end]) {
    out.set(part, at)
    at += part.length
  }
  return out
}

export interface WordRun {
  text: string
  italic?: boolean
  bold?: boolean
}

export interface WordParagraph {
  /** A style id defined in STYLES: Title, Heading1, Heading2, Caption, Quote; or none for Normal. */
  style?: string
  runs: Array<WordRun | string>
  /** A bulleted list item. */
  bullet?: boolean
  /** A numbered list item. */
  numbered?: boolean
  /** The list level of a list item, 0 (the default) for the top. */
  level?: number
  /** WordprocessingML appended inside the paragraph as is. */
  raw?: string
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}>${[
  ['Normal', 'Normal'],
  ['Title', 'Title'],
  ['Heading1', 'heading 1'],
  ['Heading2', 'heading 2'],
  ['Caption', 'caption'],
  ['Quote', 'Quote'],
  ['Heading3', 'heading 3'],
  ['Code', 'Code'],
]
  .map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`)
  .join('')}</w:styles>`

const level = (ilvl: number, format: string, text: string) =>
  `<w:lvl w:ilvl="${ilvl}"><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`
const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0">${level(0, 'bullet', '•')}${level(1, 'bullet', '◦')}</w:abstractNum><w:abstractNum w:abstractNumId="1">${level(0, 'decimal', '%1.')}${level(1, 'bullet', '◦')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`

function paragraphXml({ style, runs, bullet, numbered, level = 0, raw = '' }: WordParagraph): string {
  const list = bullet || numbered
  const numbering = list
    ? `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${bullet ? 1 : 2}"/></w:numPr>`
    : ''
  const props = `${style ? `<w:pStyle w:val="${style}"/>` : ''}${numbering}`
  const body = runs
    .map((run) => (typeof run === 'string' ? { text: run } : run))
    .map(
      (run) =>
        `<w:r><w:rPr>${run.italic ? '<w:i/>' : ''}${run.bold ? '<w:b/>' : ''}</w:rPr><w:t xml:space="preserve">${escape(run.text)}</w:t></w:r>`,
    )
    .join('')
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${body}${raw}</w:p>`
}

/** A .docx file holding the given paragraphs. */
export function buildDocx(paragraphs: WordParagraph[]): Uint8Array {
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
  return zip({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${rel}/numbering" Target="numbering.xml"/></Relationships>`,
    'word/styles.xml': STYLES,
    'word/numbering.xml': NUMBERING,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${paragraphs.map(paragraphXml).join('')}</w:body></w:document>`,
  })
}
