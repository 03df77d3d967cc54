/**
 * The warning list: severity badge (direction-aware colour; held-back candidates grey), unit, indicator,
 * kind, value against its baseline, change, a 24-month sparkline and the engine's Chinese sentence.
 * A click selects a warning for the detail below; 确认 acknowledges it with a note.
 */
import { useState } from 'react'
import type { AnomalyWarning } from '../../../../shared/ipc/anomaly-contract.ts'
import { COMPARISON_NAMES } from '../../../../shared/anomalies/model.ts'
import { formatIndicatorValue } from '../../../../shared/indicators/format.ts'
import {
  acknowledgementText,
  baselineText,
  changeLabel,
  MOVEMENT_ARROWS,
  movementTone,
  severityText,
  severityTone,
  SEVERITY_TITLES,
  zText,
} from './alertsView.ts'
import { Sparkline } from './Sparkline.tsx'

interface AlertListProps {
  warnings: readonly AnomalyWarning[]
  months: readonly string[]
  loading: boolean
  selected: string | null
  onSelect: (warning: AnomalyWarning) => void
  onAcknowledge: (warning: AnomalyWarning) => void
}

/** Rows drawn at once; the rest behind a 显示更多 button (a province can have hundreds of candidates). */
const PAGE_ROWS = 200

export function AlertList({ warnings, months, loading, selected, onSelect, onAcknowledge }: AlertListProps) {
  const [rows, setRows] = useState(PAGE_ROWS)
  if (warnings.length === 0) {
    return (
      <div className="alerts-empty muted" data-testid="alerts-list" data-count={0}>
        {loading ? '正在检测各指标的异常…' : '所选期间和筛选条件下没有预警。'}
      </div>
    )
  }
  const visible = warnings.slice(0, rows)
  return (
    <div className={loading ? 'alerts-scroll stale' : 'alerts-scroll'}>
      <table className="data-table alerts-table" data-testid="alerts-list" data-count={warnings.length}>
        <thead>
          <tr>
            <th>程度</th>
            <th>单位</th>
            <th>指标</th>
            <th>类型</th>
            <th className="num">本期</th>
            <th>比较基准</th>
            <th className="num">变动</th>
            <th>近24个月</th>
            <th>说明</th>
            <th aria-label="操作" />
          </tr>
        </thead>
        <tbody>
          {visible.map((w, index) => (
            <AlertRow
              key={w.id}
              warning={w}
              index={index}
              months={months}
              selected={w.id === selected}
              onSelect={() => onSelect(w)}
              onAcknowledge={() => onAcknowledge(w)}
            />
          ))}
        </tbody>
      </table>
      {warnings.length > rows && (
        <div className="alerts-more">
          <button type="button" className="button link small" onClick={() => setRows(rows + PAGE_ROWS)}>
            显示更多（还有 {warnings.length - rows} 项）
          </button>
        </div>
      )}
    </div>
  )
}

interface AlertRowProps {
  warning: AnomalyWarning
  index: number
  months: readonly string[]
  selected: boolean
  onSelect: () => void
  onAcknowledge: () => void
}

function AlertRow({ warning: w, index, months, selected, onSelect, onAcknowledge }: AlertRowProps) {
  const tone = severityTone(w)
  const move = movementTone(w)
  const className = [
    'alert-row',
    selected && 'selected',
    w.suppressed !== null && 'suppressed',
    w.acknowledged !== null && 'acknowledged',
  ]
    .filter(Boolean)
    .join(' ')
  const first = months[0]
  const last = months[months.length - 1]
  return (
    <tr
      className={className}
      onClick={onSelect}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault()
          onSelect()
        }
      }}
      tabIndex={0}
      aria-selected={selected}
      data-testid={`alert-row-${index}`}
      data-id={w.id}
      data-unit={w.unit}
      data-indicator={w.indicator}
      data-kind={w.kind}
      data-severity={w.severity}
      data-suppressed={w.suppressed ?? ''}
      data-acknowledged={w.acknowledged !== null}
    >
      <td>
        <span
          className={`alert-badge tone-${tone}`}
          title={w.suppressed ? `${w.suppressed}，未作预警` : SEVERITY_TITLES[w.severity]}
        >
          {severityText(w)}
        </span>
      </td>
      <td className="nowrap alert-unit" title={w.unitName}>
        {w.unitName.replace(/人民检察院$/, '')}
      </td>
      <td className="alert-indicator" title={w.name}>
        {w.name}
      </td>
      <td className="nowrap">
        {w.kind}
        {w.compareTo && <span className="muted small">（{COMPARISON_NAMES[w.compareTo]}）</span>}
      </td>
      <td className="num nowrap">{w.display}</td>
      <td className="alert-baseline" title={w.baselineLabel}>
        {baselineText(w)}
      </td>
      <td className={`num nowrap change-${move}`} title={zText(w)}>
        {w.movement && <span aria-hidden="true">{MOVEMENT_ARROWS[w.movement]}</span>}
        {changeLabel(w)}
      </td>
      <td>
        <Sparkline
          values={w.sparkline}
          months={months}
          window={w.window}
          tone={tone}
          title={`${first ?? ''} 至 ${last ?? ''}，阴影为本期；最新 ${formatIndicatorValue(
            lastValue(w.sparkline),
            w.displayUnit,
            w.precision,
          )}`}
        />
      </td>
      <td className="alert-message">
        <div className="alert-message-text" title={w.message}>
          {w.message}
        </div>
        {w.acknowledged && (
          <div className="alert-ack-line" data-testid="alert-ack-line">
            ✓ {acknowledgementText(w.acknowledged)}
          </div>
        )}
      </td>
      <td className="nowrap">
        {w.suppressed === null && w.acknowledged === null && (
          <button
            type="button"
            className="button link small"
            onClick={(event) => {
              event.stopPropagation()
              onAcknowledge()
            }}
            data-testid={`row-ack-${index}`}
          >
            确认
          </button>
        )}
      </td>
    </tr>
  )
}

function lastValue(values: readonly (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return values[i]
  return null
}
