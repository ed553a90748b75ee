// A run of table rows as a <table>: header rows at the top go in <thead>, each cell shows the segments
// of its own range of the text (the separators between cells are never shown).
import classes from './Reader.module.css'
import type { RenderedBlock, Segment } from './segments'
import { TextSegment } from './TextSegment'

interface ArticleTableProps {
  rows: RenderedBlock[]
}

function Row({ row, columns }: { row: RenderedBlock; columns: number }) {
  const cells: Segment[][] = row.cells ?? [row.segments]
  const Cell = row.header ? 'th' : 'td'
  return (
    <tr data-block-start={row.start}>
      {cells.map((segments, i) => (
        <Cell key={i} colSpan={i === cells.length - 1 && cells.length < columns ? columns - i : undefined}>
          {segments.map((segment) => (
            <TextSegment key={segment.start} segment={segment} />
          ))}
        </Cell>
      ))}
    </tr>
  )
}

export function ArticleTable({ rows }: ArticleTableProps) {
  const columns = Math.max(...rows.map((row) => row.cells?.length ?? 1))
  const headerRows = rows.findIndex((row) => !row.header)
  const head = headerRows < 0 ? rows : rows.slice(0, headerRows)
  const body = headerRows < 0 ? [] : rows.slice(headerRows)
  return (
    <div className={classes.tableWrap}>
      <table className={classes.table}>
        {head.length > 0 && (
          <thead>
            {head.map((row) => (
              <Row key={row.start} row={row} columns={columns} />
            ))}
          </thead>
        )}
        {body.length > 0 && (
          <tbody>
            {body.map((row) => (
              <Row key={row.start} row={row} columns={columns} />
            ))}
          </tbody>
        )}
      </table>
    </div>
  )
}
