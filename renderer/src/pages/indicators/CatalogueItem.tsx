/** One indicator of the catalogue: in-matrix checkbox, name (focus), unit, direction, edit / delete. */
import type { IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import type { Direction } from '../../../../shared/indicators/model.ts'
import { routeHash } from '../../app/routes.ts'
import { DirectionSelect } from './DirectionSelect.tsx'

interface CatalogueItemProps {
  indicator: IndicatorSummary
  inMatrix: boolean
  focused: boolean
  onToggle: () => void
  onFocus: () => void
  onSetDirection: (direction: Direction | null) => void
  savingDirection: boolean
  onDelete: () => void
}

export function CatalogueItem(props: CatalogueItemProps) {
  const { indicator } = props
  const user = indicator.source === 'user'
  return (
    <li
      className={props.focused ? 'catalogue-item focused' : 'catalogue-item'}
      data-testid={`catalogue-item-${indicator.id}`}
      data-name={indicator.name}
    >
      <input
        type="checkbox"
        checked={props.inMatrix}
        onChange={props.onToggle}
        aria-label={`在矩阵中显示${indicator.name}`}
        title="在矩阵中显示"
      />
      <button
        type="button"
        className="catalogue-name"
        onClick={props.onFocus}
        title={indicator.description || indicator.name}
      >
        {indicator.name}
      </button>
      {user && <span className="source-badge">自定义</span>}
      <span className="unit-badge" title="计量单位">
        {indicator.unit}
      </span>
      <DirectionSelect
        definition={indicator.direction}
        effective={indicator.effectiveDirection}
        overridden={indicator.directionOverridden}
        saving={props.savingDirection}
        onChange={props.onSetDirection}
      />
      <span className="catalogue-actions">
        <a
          className="button link small"
          href={routeHash({ page: 'indicator', indicatorId: indicator.id })}
          title={user ? '编辑指标定义' : '查看定义；库指标另存为自定义指标后可修改'}
        >
          {user ? '编辑' : '查看'}
        </a>
        {user && (
          <button
            type="button"
            className="button link small danger"
            onClick={props.onDelete}
            data-testid={`delete-indicator-${indicator.id}`}
          >
            删除
          </button>
        )}
      </span>
    </li>
  )
}
