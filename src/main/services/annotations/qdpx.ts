// Exports the workspace as a REFI-QDA project (.qdpx): a zip of project.qde, valid against the QDA-XML
// 1.0 Project schema, and one sources/<guid>.txt per article. The codebook is the live codes; each
// highlight becomes a PlainTextSelection coded with its (merge-resolved) code. GUIDs are derived from
// Dossier ids, so exporting the same workspace twice gives the same GUIDs.
import { createHash } from 'node:crypto'
import { codeResolver, liveCodes } from '../codes/codebook'
import type { Workspace } from '../store/workspace'
import { zip, type ZipEntry } from './zip-writer'

export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0'

/** A name-based (version 5 style, SHA-1) UUID from a kind and a Dossier id. */
export function dossierGuid(kind: string, id: string): string {
  const h = createHash('sha1').update(`urn:dossier:${kind}:${id}`).digest()
  h[6] = (h[6]! & 0x0f) | 0x50
  h[8] = (h[8]! & 0x3f) | 0x80
  const hex = h.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** XML 1.0 text or attribute content: markup escaped, characters XML cannot hold dropped. */
export function xmlEscape(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
}

const attrs = (fields: Record<string, string | number | boolean | undefined>) =>
  Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('')

/** An xsd:dateTime, or undefined when the stored time does not parse. */
function dateTime(value: string): string | undefined {
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : new Date(time).toISOString()
}

/**
 * REFI-QDA positions count Unicode code points; Dossier's count UTF-16 code units. Converts one offset
 * of `text` from the latter to the former.
 */
function codePointOffset(text: string, utf16: number): number {
  let n = 0
  for (let i = 0; i < utf16 && i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < utf16) i++
    n++
  }
  return n
}

export interface QdpxProject {
  /** project.qde as text. */
  qde: string
  entries: ZipEntry[]
}

/** The project's XML and the text sources, before they are zipped (tests read the XML from here). */
export async function buildQdpx(workspace: Workspace, name = 'Dossier workspace'): Promise<QdpxProject> {
  const resolve = codeResolver(workspace.codes)
  const codes = liveCodes(workspace.codes)
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>']
  lines.push(`<Project xmlns="${QDA_NAMESPACE}"${attrs({ name, origin: 'Dossier' })}>`)
  if (codes.length > 0) {
    lines.push('<CodeBook><Codes>')
    for (const code of codes) {
      const open = `<Code${attrs({ guid: dossierGuid('code', code.id), name: code.name, isCodable: true, color: code.color })}>`
      lines.push(`${open}<Description>${xmlEscape(code.description)}</Description></Code>`)
    }
    lines.push('</Codes></CodeBook>')
  }
  const entries: ZipEntry[] = []
  const sources: string[] = []
  const live = new Set(codes.map((c) => c.id))
  for (const row of workspace.articles) {
    const article = await workspace.peekArticle(row.id)
    const guid = dossierGuid('article', article.id)
    const path = `sources/${guid}.txt`
    entries.push({ name: path, data: Buffer.from(article.text, 'utf8') })
    const source = attrs({
      guid,
      name: article.title || article.original.name,
      plainTextPath: `internal://${guid}.txt`,
      creationDateTime: dateTime(article.importedAt),
      modifiedDateTime: dateTime(article.updatedAt),
    })
    sources.push(`<TextSource${source}>`)
    const described = [article.siteName, article.published, article.sourceUrl].filter(Boolean).join(' · ')
    if (described) sources.push(`<Description>${xmlEscape(described)}</Description>`)
    for (const h of article.highlights) {
      if (h.unanchored) continue
      const codeId = resolve(h.codeId)
      const selection = attrs({
        guid: dossierGuid('highlight', h.id),
        name: h.target.quote.exact.slice(0, 200),
        startPosition: codePointOffset(article.text, h.target.position.start),
        endPosition: codePointOffset(article.text, h.target.position.end),
        creationDateTime: dateTime(h.createdAt),
        modifiedDateTime: dateTime(h.updatedAt),
      })
      sources.push(`<PlainTextSelection${selection}>`)
      if (h.note) sources.push(`<Description>${xmlEscape(h.note)}</Description>`)
      if (live.has(codeId)) {
        const coding = attrs({ guid: dossierGuid('coding', h.id), creationDateTime: dateTime(h.createdAt) })
        sources.push(
          `<Coding${coding}><CodeRef${attrs({ targetGUID: dossierGuid('code', codeId) })}/></Coding>`,
        )
      }
      sources.push('</PlainTextSelection>')
    }
    sources.push('</TextSource>')
  }
  if (sources.length > 0) lines.push('<Sources>', ...sources, '</Sources>')
  lines.push('</Project>')
  const qde = lines.join('\n') + '\n'
  return { qde, entries: [{ name: 'project.qde', data: Buffer.from(qde, 'utf8') }, ...entries] }
}

export async function exportQdpx(workspace: Workspace): Promise<Uint8Array> {
  return zip((await buildQdpx(workspace)).entries)
}
