// How much structure and metadata an original's format usually brings through import: of two copies of
// one story with the same text, the richer format is the better one to keep. Labels are the library's
// own (shared/formats.ts), so the duplicates view and the library rows name a format alike.
import { formatLabel } from '../../../shared/formats'

const RICHNESS: Record<string, number> = {
  HTML: 6,
  'Saved page': 6,
  Word: 5,
  Markdown: 4,
  'E-mail': 3,
  PDF: 2,
  Text: 1,
}

export function originalFormat(
  type: string | undefined,
  fileName: string,
): { label: string; richness: number } {
  const label = formatLabel(type, fileName)
  return { label, richness: RICHNESS[label] ?? 0 }
}
