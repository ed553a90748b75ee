// Where the source had a picture: a frame that names it by its alt text, never the picture itself
// (nothing remote is loaded), with the captions that followed it. The alt text is not part of the
// canonical text, so it cannot be selected into a highlight; the captions can.
import { IconPhoto } from '@tabler/icons-react'
import classes from './Reader.module.css'
import type { RenderedBlock } from './segments'
import { TextSegment } from './TextSegment'

interface FigurePlaceholderProps {
  figure: RenderedBlock
  captions: RenderedBlock[]
}

export function FigurePlaceholder({ figure, captions }: FigurePlaceholderProps) {
  return (
    <figure className={classes.figure} data-block-start={figure.start}>
      <div className={classes.figureFrame} data-figure-placeholder="">
        <IconPhoto size={20} stroke={1.5} aria-hidden className={classes.figureIcon} />
        <div>
          {figure.alt ? <div className={classes.figureAlt}>{figure.alt}</div> : null}
          <div className={classes.figureNote} lang="en">
            {figure.alt ? 'Image not shown' : 'Image not shown · no description'}
          </div>
        </div>
      </div>
      {captions.length > 0 && (
        <figcaption className={classes.caption}>
          {captions.map((caption, i) => (
            <span key={caption.start}>
              {i > 0 && ' '}
              {caption.segments.map((segment) => (
                <TextSegment key={segment.start} segment={segment} />
              ))}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  )
}
