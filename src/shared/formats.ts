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
