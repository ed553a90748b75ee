// schema.org metadata from a page's JSON-LD blocks: the article's dates, author, publisher and URL.
// Read as data with JSON.parse only; a block that does not parse is skipped, never evaluated.

export interface JsonLdArticle {
  headline?: string
  datePublished?: string
  author?: string
  publisher?: string
  description?: string
  language?: string
  url?: string
}

const ARTICLE_TYPE =
  /^(?:\w+)?(?:article|posting|report)$|^(?:newsarticle|blogposting|webpage|review|creativework)$/i

/** A value as plain text: strings as they are, objects by their name, arrays by their first useful value. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined
  if (Array.isArray(value)) {
    const names = value.map(text).filter((v): v is string => !!v)
    return names.length ? names.join(', ') : undefined
  }
  if (value && typeof value === 'object') return text((value as Record<string, unknown>).name)
  return undefined
}

function typesOf(node: Record<string, unknown>): string[] {
  const type = node['@type']
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string')
}

/** Every object in the parsed blocks in page order, walked with a bounded queue since the JSON comes from the page. */
function objectsIn(roots: unknown[]): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = []
  const queue = [...roots]
  for (let i = 0; i < queue.length && i < 5_000; i++) {
    const value = queue[i]
    if (Array.isArray(value)) queue.push(...value.slice(0, 200))
    else if (value && typeof value === 'object') {
      const node = value as Record<string, unknown>
      found.push(node)
      if (node['@graph']) queue.push(node['@graph'])
      if (node.mainEntity) queue.push(node.mainEntity)
    }
  }
  return found
}

function urlOf(node: Record<string, unknown>): string | undefined {
  const page = node.mainEntityOfPage
  const fromPage =
    typeof page === 'string'
      ? page
      : page && typeof page === 'object'
        ? ((page as Record<string, unknown>)['@id'] ?? (page as Record<string, unknown>).url)
        : undefined
  return text(node.url) ?? (typeof fromPage === 'string' ? fromPage : undefined)
}

/** The best article-like object across the given script bodies, reduced to the fields Dossier keeps. */
export function readJsonLd(scripts: readonly string[]): JsonLdArticle | undefined {
  const roots: unknown[] = []
  for (const script of scripts) {
    if (script.length > 1_000_000) continue
    try {
      // CDATA wrappers and HTML comments around the JSON are common and harmless.
      roots.push(JSON.parse(script.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)\s*$/g, '')))
    } catch {
      // A broken block is the page's problem; the other metadata still counts.
    }
  }
  const objects = objectsIn(roots)
  const article =
    objects.find((o) => typesOf(o).some((t) => /article|posting/i.test(t))) ??
    objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPE.test(t)))
  if (!article) return undefined
  const result: JsonLdArticle = {
    headline: text(article.headline) ?? text(article.name),
    datePublished: text(article.datePublished) ?? text(article.dateCreated),
    author: text(article.author) ?? text(article.creator),
    publisher: text(article.publisher) ?? text(article.sourceOrganization),
    description: text(article.description),
    language: text(article.inLanguage),
    url: urlOf(article),
  }
  return result
}
