/**
 * 对比单位: up to ten units compared side by side with the report's unit in indicator tables and in
 * templates' `compare` unit lists; one click picks the unit's 同级单位.
 */
import type { UnitSummary } from '../../../../shared/ipc/contract.ts'
import { orderUnits, shortUnitName } from '../indicators/unitTree.ts'
import { MAX_COMPARE_UNITS, peerCodes, toggleCompare } from './reportSpec.ts'

interface ComparePickerProps {
  units: readonly UnitSummary[]
  unit: string
  value: readonly string[]
  disabled?: boolean
  onChange: (codes: string[]) => void
}

export function ComparePicker({ units, unit, value, disabled, onChange }: ComparePickerProps) {
  const chosen = value.filter((code) => code !== unit)
  const names = chosen.map((code) => {
    const found = units.find((u) => u.code === code)
    return found ? shortUnitName(found) : code
  })
  const full = chosen.length >= MAX_COMPARE_UNITS
  const peers = peerCodes(units, unit).slice(0, MAX_COMPARE_UNITS)

  return (
    <details className="compare-picker" data-testid="report-compare" data-count={chosen.length}>
      <summary>
        {chosen.length === 0 ? (
          <span className="muted">不对比</span>
        ) : (
          <span title={names.join('、')}>
            {chosen.length} 个：{names.slice(0, 3).join('、')}
            {names.length > 3 ? '等' : ''}
          </span>
        )}
      </summary>
      <div className="compare-body">
        <div className="compare-actions">
          <button
            type="button"
            className="button link small"
            disabled={disabled || peers.length === 0}
            onClick={() => onChange(peers)}
            data-testid="compare-peers"
          >
            选同级单位
          </button>
          <button
            type="button"
            className="button link small"
            disabled={disabled || chosen.length === 0}
            onClick={() => onChange([])}
          >
            清空
          </button>
          <span className="muted small">最多 {MAX_COMPARE_UNITS} 个</span>
        </div>
        <ul className="compare-list">
          {orderUnits(units).map(({ unit: u, depth }) =>
            u.code === unit ? null : (
              <li key={u.code} style={{ paddingLeft: `${depth * 14}px` }}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.includes(u.code)}
                    disabled={disabled || (full && !chosen.includes(u.code))}
                    onChange={() => onChange(toggleCompare(chosen, u.code, unit))}
                    data-testid={`compare-unit-${u.code}`}
                  />
                  {u.name}
                </label>
              </li>
            ),
          )}
        </ul>
      </div>
    </details>
  )
}
