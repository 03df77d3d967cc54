/** Which units a chart compares: the focused unit's peers, every 市院 or every 基层院. */
import { UNIT_GROUPS } from './chartData.ts'
import type { UnitGroup } from './chartData.ts'

export function UnitGroupSwitch({
  value,
  onChange,
}: {
  value: UnitGroup
  onChange: (group: UnitGroup) => void
}) {
  return (
    <div className="segmented small" role="group" aria-label="比较范围">
      {UNIT_GROUPS.map(({ group, label }) => (
        <button
          key={group}
          type="button"
          className={group === value ? 'segment on' : 'segment'}
          aria-pressed={group === value}
          onClick={() => onChange(group)}
          data-testid={`unit-group-${group}`}
        >
          {label}
        </button>
      ))}
    </div>
  )
}
