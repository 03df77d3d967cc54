/**
 * An indicator's direction (正向 / 反向 / 区间), changeable per workspace; an override is marked and can
 * be reset to the definition's direction.
 */
import { DIRECTION_NAMES, DIRECTIONS, type Direction } from '../../../../shared/indicators/model.ts'

interface DirectionSelectProps {
  definition: Direction
  effective: Direction
  overridden: boolean
  saving: boolean
  /** null: back to the definition's direction. */
  onChange: (direction: Direction | null) => void
}

export function DirectionSelect({
  definition,
  effective,
  overridden,
  saving,
  onChange,
}: DirectionSelectProps) {
  const title = overridden
    ? `本工作区已调整为${DIRECTION_NAMES[effective]}（定义为${DIRECTION_NAMES[definition]}）`
    : '指标方向：正向越高越好，反向越低越好，区间以接近平均为宜'
  return (
    <span className={overridden ? 'direction overridden' : 'direction'} title={title}>
      <select
        className={`direction-select direction-${effective}`}
        value={effective}
        disabled={saving}
        onChange={(event) => {
          const next = event.target.value as Direction
          onChange(next === definition ? null : next)
        }}
        aria-label="指标方向"
      >
        {DIRECTIONS.map((d) => (
          <option key={d} value={d}>
            {DIRECTION_NAMES[d]}
          </option>
        ))}
      </select>
      {overridden && (
        <button
          type="button"
          className="direction-reset"
          disabled={saving}
          onClick={() => onChange(null)}
          title={`恢复为定义的${DIRECTION_NAMES[definition]}`}
          aria-label="恢复默认方向"
        >
          ↺
        </button>
      )}
    </span>
  )
}
