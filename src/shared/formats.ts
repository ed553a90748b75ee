// The file types Dossier imports, by name: what the file picker offers and what is taken from inside a
// dropped folder. A file named directly is always tried; its content, not its name, decides the format.
export const ARTICLE_EXTENSIONS = [
  'txt',
  'text',
  'md',
  'markdown',
  'html',
  'htm',
  'xhtml',
  'mhtml',
  'mht',
  'pdf',
  'docx',
] as const

export const ARTICLE_FILE = new RegExp(`\\.(?:${ARTICLE_EXTENSIONS.join('|')})$`, 'i')

/** For `<input type="file" accept>`. */
export const ARTICLE_ACCEPT = ARTICLE_EXTENSIONS.map((extension) => `.${extension}`).join(',')

// What an article's original file was, in the words an analyst uses ("PDF", "Word"), from its media type
// or, failing that, its file name: copies of one story in several formats are told apart by it.
const BY_TYPE: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'text/html': 'HTML',
  'multipart/related': 'Saved page',
  'message/rfc822': 'E-mail',
  'text/markdown': 'Markdown',
  'text/plain': 'Text',
}

const BY_EXTENSION: Record<string, string> = {
  pdf: 'PDF',
  docx: 'Word',
  html: 'HTML',
  htm: 'HTML',
  mhtml: 'Saved page',
  mht: 'Saved page',
  eml: 'E-mail',
  xhtml: 'HTML',
  text: 'Text',
  md: 'Markdown',
  markdown: 'Markdown',
  txt: 'Text',
}

export function formatLabel(type: string | undefined, fileName: string): string {
  const known = type ? BY_TYPE[type.split(';')[0]!.trim().toLowerCase()] : undefined
  if (known) return known
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  return (extension && BY_EXTENSION[extension]) ?? 'Text'
}
