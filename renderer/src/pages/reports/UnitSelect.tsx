/** The report's unit: the hierarchy (省院 → 市院 → 基层院) indented in one select. */
import type { UnitSummary } from '../../../../shared/ipc/contract.ts'
import { orderUnits } from '../indicators/unitTree.ts'

const INDENT = ['', '　', '　　', '　　　']

interface UnitSelectProps {
  units: readonly UnitSummary[]
  value: string
  disabled?: boolean
  onChange: (code: string) => void
  testId?: string
  id?: string
}

export function UnitSelect({ units, value, disabled, onChange, testId, id }: UnitSelectProps) {
  return (
    <select
      id={id}
      className="select"
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
      aria-label="单位"
      data-testid={testId}
    >
      {units.length === 0 && <option value="">（无单位）</option>}
      {orderUnits(units).map(({ unit, depth }) => (
        <option key={unit.code} value={unit.code}>
          {INDENT[Math.min(depth, INDENT.length - 1)]}
          {unit.name}
        </option>
      ))}
    </select>
  )
}
