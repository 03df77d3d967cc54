/**
 * Flags per unit or per prosecutor (flags/stats), within the page's other filters. Clicking a row
 * shows that unit's (prosecutor's) flags; Ctrl/Shift-click adds it to the filter.
 */
import type { MouseEvent } from 'react'
import type { FlagCounts } from '../../../../shared/ipc/quality-contract.ts'
import { formatCount } from '../../format/numbers.ts'
import type { StatsRow } from './statsRows.ts'

interface StatsTableProps {
  heading: string
  rows: readonly StatsRow[]
  totals: FlagCounts | undefined
  chosen: readonly string[]
  onPick: (value: string, additive: boolean) => void
  testId: string
}

export function StatsTable({ heading, rows, totals, chosen, onPick, testId }: StatsTableProps) {
  if (rows.length === 0) {
    return (
      <p className="muted small empty-note" data-testid={testId} data-rows={0}>
        暂无疑点。运行核查后在此按{heading}统计。
      </p>
    )
  }
  return (
    <div className="table-scroll stats-scroll" data-testid={testId} data-rows={rows.length}>
      <table className="data-table stats-table">
        <thead>
          <tr>
            <th>{heading}</th>
            <th className="num">待核查</th>
            <th className="num">已确认</th>
            <th className="num">已整改</th>
            <th className="num">合计</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.key}
              className={chosen.includes(row.value) ? 'chosen' : undefined}
              onClick={(event: MouseEvent) =>
                onPick(row.value, event.ctrlKey || event.metaKey || event.shiftKey)
              }
              data-value={row.value}
            >
              <td className="stats-label" title={row.sub ? `${row.label}（${row.sub}）` : row.label}>
                {row.label}
                {row.sub && <span className="muted small"> {row.sub}</span>}
              </td>
              <td className="num open-count">{formatCount(row.open)}</td>
              <td className="num">{formatCount(row.confirmed)}</td>
              <td className="num">{formatCount(row.rectified)}</td>
              <td className="num">{formatCount(row.total)}</td>
            </tr>
          ))}
        </tbody>
        {totals && (
          <tfoot>
            <tr>
              <td>合计</td>
              <td className="num">{formatCount(totals.open)}</td>
              <td className="num">{formatCount(totals.confirmed)}</td>
              <td className="num">{formatCount(totals.rectified)}</td>
              <td className="num">{formatCount(totals.total)}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  )
}
