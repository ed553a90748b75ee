// The look of a brief in Word: its fonts and colours, page sizes and margins, and the named paragraph
// styles (Brief Quote, Brief Citation, …) an analyst can restyle in Word afterwards.
import { AlignmentType, BorderStyle, LevelFormat, type IBorderOptions, type IStylesOptions } from 'docx'

const SERIF = 'Georgia'
export const SANS = 'Arial'
export const MONO = 'Consolas'
const INK = '1B1B1F'
export const MUTED = '45474D'
export const FAINT = '6B6E75'
export const RULE = 'C9CCD3'
/** The quote bar of a highlight without a known code, as in the HTML. */
export const DEFAULT_BAR = 'E8B400'

/** Page sizes and margins in twentieths of a point (20 mm sides and top, 22 mm bottom, as the PDF). */
export const PAGE = {
  a4: { width: 11906, height: 16838 },
  letter: { width: 12240, height: 15840 },
}
export const MARGIN = { top: 1134, right: 1134, bottom: 1247, left: 1134, header: 567, footer: 567 }
export const QUOTE_INDENT = 240
export const LIST_STEP = 360

type StyleOptions = NonNullable<IStylesOptions['paragraphStyles']>[number]

function style(id: string, name: string, run: StyleOptions['run'], paragraph?: StyleOptions['paragraph']) {
  return { id, name, basedOn: 'Normal', run, paragraph }
}

const rule = (size: number, space: number, color = RULE): IBorderOptions => ({
  style: BorderStyle.SINGLE,
  size,
  space,
  color,
})

/** Sizes are in half points, spacing and indents in twentieths of a point, as Word counts them. */
export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: SERIF, size: 22, color: INK },
      paragraph: { spacing: { after: 140, line: 300 } },
    },
    title: {
      run: { font: SERIF, size: 40, bold: true, color: INK },
      paragraph: { spacing: { after: 120, line: 264 }, border: { bottom: rule(16, 8, INK) } },
    },
    heading1: {
      run: { font: SANS, size: 20, bold: true, allCaps: true, characterSpacing: 16, color: INK },
      paragraph: {
        spacing: { before: 360, after: 200 },
        keepNext: true,
        border: { bottom: rule(6, 3, 'D0D2D8') },
      },
    },
    heading2: {
      run: { font: SANS, size: 18, bold: true, color: MUTED },
      paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
    },
  },
  paragraphStyles: [
    style('BriefQuote', 'Brief Quote', { size: 23 }, { spacing: { before: 40, after: 40 } }),
    style(
      'BriefCite',
      'Brief Citation',
      { font: SANS, size: 17, color: MUTED },
      { spacing: { before: 60, after: 100 }, indent: { left: QUOTE_INDENT } },
    ),
    style('BriefNote', 'Brief Note', { font: SANS, size: 19, color: '2C2E33' }),
    style(
      'BriefBluf',
      'Brief Bottom Line',
      {},
      {
        shading: { fill: 'F7F8FA' },
        border: { top: rule(6, 6), bottom: rule(6, 6), left: rule(6, 8), right: rule(6, 8) },
        indent: { left: 180, right: 180 },
      },
    ),
    style('BriefByline', 'Brief Byline', { font: SANS, size: 18, color: MUTED }, { spacing: { after: 240 } }),
    style(
      'BriefSource',
      'Brief Source',
      { font: SANS, size: 18 },
      { indent: { left: 360, hanging: 360 }, spacing: { after: 80 }, keepLines: true },
    ),
    style(
      'BriefSmall',
      'Brief Small',
      { font: SANS, size: 17, color: MUTED },
      { spacing: { before: 60, after: 80 } },
    ),
    style(
      'BriefHandling',
      'Brief Handling',
      { font: SANS, size: 17, bold: true, allCaps: true, characterSpacing: 10, color: INK },
      { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
    ),
    style(
      'BriefPageNumber',
      'Brief Page Number',
      { font: SANS, size: 16, color: FAINT },
      { alignment: AlignmentType.CENTER, spacing: { before: 40, after: 0 } },
    ),
    // Takes the place of docx's own footnote text style.
    style(
      'FootnoteText',
      'footnote text',
      { font: SANS, size: 16, color: MUTED },
      { spacing: { after: 40, line: 240 } },
    ),
  ],
}

function listLevel(format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string, hanging: number) {
  const indent = { left: 360, hanging }
  return { level: 0, format, text, alignment: AlignmentType.START, style: { paragraph: { indent } } }
}

export const NUMBERING = {
  config: [
    { reference: 'judgements', levels: [listLevel(LevelFormat.DECIMAL, '%1.', 360)] },
    { reference: 'bullets', levels: [listLevel(LevelFormat.BULLET, '•', 240)] },
  ],
}
