/** One table of the built report: 表N and its title above, the note below, as in the Word document. */
import { memo } from 'react'
import type { TableBlock } from '../../../../shared/reports/report-model.ts'
import { columnPercents } from './reportView.ts'

/** Memoised: editing a paragraph re-renders the preview, not its charts and tables. */
export const ReportTable = memo(function ReportTable({ block }: { block: TableBlock }) {
  const percents = columnPercents(block)
  return (
    <div className="report-table-block" data-testid="report-table" data-table-id={block.id}>
      <p className="report-caption">
        {block.label}　{block.title}
      </p>
      <table className="report-table">
        <colgroup>
          {percents.map((percent, i) => (
            <col key={i} style={{ width: `${percent}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {block.header.map((text, i) => (
              <th key={i}>{text}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row, r) => (
            <tr key={r} className={row.emphasis ? `emphasis-${row.emphasis}` : undefined}>
              {row.cells.map((text, i) => (
                <td key={i} style={{ textAlign: block.align[i] ?? 'center' }}>
                  {text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {block.note && <p className="report-note">{block.note}</p>}
    </div>
  )
})
