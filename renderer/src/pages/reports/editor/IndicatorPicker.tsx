/**
 * Indicators for a block: one from a select grouped by theme, or an ordered list (chips with ↑ and ×,
 * and a select to add one). Templates name indicators by name, as the built-ins do; a name the
 * library does not know stays in the list (the live check says so) so nothing is lost silently.
 */
import type { IndicatorSummary } from '../../../../../shared/ipc/indicator-contract.ts'
import { move } from './templateDraft.ts'

/** Indicators grouped by theme, themes in the library's order of first appearance. */
function byTheme(indicators: readonly IndicatorSummary[]): [string, IndicatorSummary[]][] {
  const groups = new Map<string, IndicatorSummary[]>()
  for (const indicator of indicators) {
    const theme = indicator.theme || '其他'
    groups.set(theme, [...(groups.get(theme) ?? []), indicator])
  }
  return [...groups]
}

function IndicatorOptions({
  indicators,
  exclude,
}: {
  indicators: readonly IndicatorSummary[]
  exclude?: readonly string[]
}) {
  return (
    <>
      {byTheme(indicators).map(([theme, list]) => (
        <optgroup key={theme} label={theme}>
          {list.map((indicator) => (
            <option key={indicator.id} value={indicator.name} disabled={exclude?.includes(indicator.name)}>
              {indicator.name}（{indicator.unit}）
            </option>
          ))}
        </optgroup>
      ))}
    </>
  )
}

interface IndicatorSelectProps {
  indicators: readonly IndicatorSummary[]
  value: string | undefined
  /** Label of the empty choice; without it a choice is required. */
  emptyLabel?: string
  onChange: (name: string | undefined) => void
  id?: string
  testId?: string
}

export function IndicatorSelect({
  indicators,
  value,
  emptyLabel,
  onChange,
  id,
  testId,
}: IndicatorSelectProps) {
  const known = value === undefined || indicators.some((i) => i.name === value || i.id === value)
  return (
    <select
      id={id}
      className="select small indicator-select"
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      data-testid={testId}
    >
      {(emptyLabel !== undefined || value === undefined) && (
        <option value="">{emptyLabel ?? '请选择指标'}</option>
      )}
      {!known && <option value={value}>{value}（未找到）</option>}
      <IndicatorOptions indicators={indicators} />
    </select>
  )
}

interface IndicatorListProps {
  indicators: readonly IndicatorSummary[]
  value: readonly string[]
  max: number
  onChange: (names: string[]) => void
  id?: string
  testId?: string
}

export function IndicatorList({ indicators, value, max, onChange, id, testId }: IndicatorListProps) {
  const unknown = (name: string) => !indicators.some((i) => i.name === name || i.id === name)
  return (
    <div className="indicator-list" id={id} data-testid={testId} data-count={value.length}>
      <ol className="indicator-chips">
        {value.map((name, index) => (
          <li
            key={`${name}-${index}`}
            className={unknown(name) ? 'indicator-chip unknown' : 'indicator-chip'}
          >
            <span>{name}</span>
            <button
              type="button"
              className="icon-button small"
              aria-label={`上移 ${name}`}
              title="上移"
              disabled={index === 0}
              onClick={() => onChange(move(value, index, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button small"
              aria-label={`移除 ${name}`}
              title="移除"
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      {value.length < max && (
        <select
          className="select small indicator-select"
          value=""
          onChange={(event) => event.target.value && onChange([...value, event.target.value])}
          aria-label="添加指标"
          data-testid={testId ? `${testId}-add` : undefined}
        >
          <option value="">＋ 添加指标…</option>
          <IndicatorOptions indicators={indicators} exclude={value} />
        </select>
      )}
    </div>
  )
}
