// A line that names where the article came from ("Source: https://…", "LINK: …"): the address becomes the
// article's source URL and the line leaves the body. Shared by the PDF and Word importers.
import { httpUrl } from './parse-text'

const SOURCE_LINE =
  /^(?:source|link|url|original(?:ly published)?(?: at| on)?|read (?:it )?online(?: at)?)\s*:\s*(\S+)$/i

/** The web address of a source line, or undefined when the text is anything else. */
export function sourceUrlOf(text: string): string | undefined {
  const match = SOURCE_LINE.exec(text.replace(/\s+/g, ' ').trim())
  return match ? httpUrl(match[1]!) : undefined
}
