/**
 * 单位 × 指标 matrix: units in hierarchy order (省院 → 市院 → 基层院, 市院 collapsible), one column per
 * chosen indicator. Clicking a unit or a column header focuses it; clicking a figure focuses both and
 * opens the records behind it.
 */
import type { IndicatorResult, IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import { DIRECTION_NAMES } from '../../../../shared/indicators/model.ts'
import { cellKey } from './chartData.ts'
import type { QualityMargins } from './indicatorText.ts'
import { MatrixCell } from './MatrixCell.tsx'
import { LEVEL_NAMES, visibleRows } from './unitTree.ts'
import type { UnitRow } from './unitTree.ts'

interface IndicatorMatrixProps {
  rows: readonly UnitRow[]
  collapsed: ReadonlySet<string>
  onToggleCollapsed: (code: string) => void
  columns: readonly IndicatorSummary[]
  results: ReadonlyMap<string, IndicatorResult>
  focusUnit: string | null
  focusIndicator: string | null
  margins: QualityMargins | null
  onFocusUnit: (code: string) => void
  onFocusIndicator: (id: string) => void
  onOpenCell: (result: IndicatorResult) => void
}

const ARROWS = { up: '↑', down: '↓', range: '↔' } as const

export function IndicatorMatrix(props: IndicatorMatrixProps) {
  const { columns, results, focusUnit, focusIndicator } = props
  const rows = visibleRows(props.rows, props.collapsed)
  return (
    <div className="matrix-scroll">
      <table className="indicator-matrix" data-testid="indicator-matrix">
        <thead>
          <tr>
            <th className="unit-head">单位</th>
            {columns.map((indicator) => (
              <th
                key={indicator.id}
                className={indicator.id === focusIndicator ? 'indicator-head focused' : 'indicator-head'}
              >
                <button
                  type="button"
                  onClick={() => props.onFocusIndicator(indicator.id)}
                  title={`${indicator.name}（${indicator.unit}，${DIRECTION_NAMES[indicator.effectiveDirection]}）${
                    indicator.description ? `\n${indicator.description}` : ''
                  }`}
                  data-testid={`matrix-head-${indicator.id}`}
                >
                  <span className="head-name">{indicator.name}</span>
                  <span className={`head-direction direction-${indicator.effectiveDirection}`}>
                    {ARROWS[indicator.effectiveDirection]}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ unit, depth, children }) => {
            const collapsed = props.collapsed.has(unit.code)
            return (
              <tr
                key={unit.code}
                className={`level-${unit.level}${unit.code === focusUnit ? ' focused' : ''}`}
                data-testid={`matrix-row-${unit.code}`}
              >
                <th className="unit-cell" scope="row" style={{ paddingLeft: 8 + depth * 18 }}>
                  {children > 0 && depth > 0 ? (
                    <button
                      type="button"
                      className="collapse-toggle"
                      onClick={() => props.onToggleCollapsed(unit.code)}
                      aria-expanded={!collapsed}
                      aria-label={collapsed ? '展开下级院' : '收起下级院'}
                    >
                      {collapsed ? '▸' : '▾'}
                    </button>
                  ) : (
                    <span className="collapse-spacer" />
                  )}
                  <button
                    type="button"
                    className="unit-name"
                    onClick={() => props.onFocusUnit(unit.code)}
                    title={`${unit.name}（${LEVEL_NAMES[unit.level]}）`}
                  >
                    {unit.name}
                  </button>
                </th>
                {columns.map((indicator) => (
                  <MatrixCell
                    key={indicator.id}
                    unit={unit.code}
                    indicator={indicator}
                    result={results.get(cellKey(unit.code, indicator.id))}
                    selected={unit.code === focusUnit && indicator.id === focusIndicator}
                    margins={props.margins}
                    onOpen={props.onOpenCell}
                  />
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
