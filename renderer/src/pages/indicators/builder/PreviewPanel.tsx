/**
 * The definition computed on the imported data for one unit and period (indicator/preview): the
 * value, numerator and denominator, the 口径 used, and 同比 / 环比.
 */
import type { UnitSummary } from '../../../../../shared/ipc/contract.ts'
import type { Comparison, IndicatorResult } from '../../../../../shared/ipc/indicator-contract.ts'
import { ErrorMessage } from '../../../components/ErrorMessage.tsx'
import { formatCount } from '../../../format/numbers.ts'
import type { PreviewOptions, PreviewState } from './builderCheck.ts'

interface PreviewPanelProps {
  preview: PreviewState
  options: PreviewOptions
  onOptions: (options: PreviewOptions) => void
  units: readonly UnitSummary[]
}

const LEVEL_INDENT: Record<UnitSummary['level'], string> = { province: '', city: '　', county: '　　' }

export function PreviewPanel({ preview, options, onOptions, units }: PreviewPanelProps) {
  const result = preview.status === 'done' ? preview.preview.result : null
  return (
    <div
      className="builder-preview"
      data-testid="builder-preview"
      data-state={preview.status}
      data-value={result?.value ?? ''}
    >
      <div className="preview-options">
        <select
          className="select small"
          value={options.unit}
          onChange={(event) => onOptions({ ...options, unit: event.target.value })}
          aria-label="单位"
          data-testid="preview-unit"
        >
          {units.length === 0 && <option value="">（无单位）</option>}
          {orderUnits(units).map((unit) => (
            <option key={unit.code} value={unit.code}>
              {LEVEL_INDENT[unit.level]}
              {unit.name}
            </option>
          ))}
        </select>
        <input
          className="input small preview-period"
          value={options.period}
          onChange={(event) => onOptions({ ...options, period: event.target.value })}
          placeholder="2024Q3"
          title="期间：2024（年）、2024H1（半年）、2024Q3（季度）、2024-07（月）或 2024-01..2024-09（累计）"
          aria-label="期间"
          data-testid="preview-period"
        />
        <label className="small">
          <input
            type="checkbox"
            checked={options.own}
            onChange={(event) => onOptions({ ...options, own: event.target.checked })}
          />
          仅本院
        </label>
        <label className="small">
          <input
            type="checkbox"
            checked={options.excludeFlagged}
            onChange={(event) => onOptions({ ...options, excludeFlagged: event.target.checked })}
          />
          排除有错误的记录
        </label>
      </div>
      {preview.status === 'none' && <p className="muted small">指标定义有效后在此预览计算结果。</p>}
      {preview.status === 'blocked' && <p className="warn-text">{preview.message}</p>}
      {preview.status === 'loading' && <p className="muted small">正在计算…</p>}
      {preview.status === 'failed' && <ErrorMessage error={preview.error} />}
      {preview.status === 'done' && result === null && (
        <ul className="validation-list preview-problems">
          {preview.preview.problems.map((problem, index) => (
            <li key={index}>{problem.message}</li>
          ))}
          {preview.preview.problems.length === 0 && <li>无法计算。</li>}
        </ul>
      )}
      {result && <ResultView result={result} />}
    </div>
  )
}

/** 省院 first, then each 市院 followed by its 基层院. */
export function orderUnits(units: readonly UnitSummary[]): UnitSummary[] {
  const children = new Map<string | null, UnitSummary[]>()
  for (const unit of units) children.set(unit.parent, [...(children.get(unit.parent) ?? []), unit])
  const codes = new Set(units.map((unit) => unit.code))
  const ordered: UnitSummary[] = []
  const visit = (unit: UnitSummary) => {
    ordered.push(unit)
    for (const child of children.get(unit.code) ?? []) visit(child)
  }
  for (const unit of units) if (unit.parent === null || !codes.has(unit.parent)) visit(unit)
  return ordered
}

function ResultView({ result }: { result: IndicatorResult }) {
  return (
    <div className="preview-result">
      <p className="preview-headline">
        {result.unitName} · {result.periodLabel}
      </p>
      {result.unavailable && <p className="warn-text">{result.unavailable}</p>}
      <p className="preview-value" data-testid="preview-value">
        {result.display}
      </p>
      <dl className="preview-facts">
        <dt>分子</dt>
        <dd data-testid="preview-numerator">{amount(result.numerator)}</dd>
        <dt>分母</dt>
        <dd data-testid="preview-denominator">{amount(result.denominator)}</dd>
        <dt>口径</dt>
        <dd>
          {result.caliberName}
          <span className="muted small">（{result.caliber}）</span>
        </dd>
        <dt>同比</dt>
        <dd>
          <ComparisonText comparison={result.yoy} />
        </dd>
        <dt>环比</dt>
        <dd>
          <ComparisonText comparison={result.mom} />
        </dd>
        {result.peers > 0 && (
          <>
            <dt>同级排名</dt>
            <dd>{result.rank === null ? '—' : `${result.rank} / ${result.peers}`}</dd>
          </>
        )}
      </dl>
      {result.partial && <p className="muted small">所选期间超出已导入数据的最后月份，结果可能不完整。</p>}
    </div>
  )
}

function amount(value: number | null): string {
  if (value === null) return '—'
  return Number.isInteger(value) ? formatCount(value) : formatCount(Math.round(value * 100) / 100)
}

function ComparisonText({ comparison }: { comparison: Comparison }) {
  const change = comparison.change
  const sign = change !== null && change > 0 ? '+' : ''
  return (
    <span className="preview-comparison">
      {change === null ? '—' : `${sign}${Math.round(change * 100) / 100} ${comparison.changeUnit}`}
      <span className="muted small">
        （{comparison.period}：{comparison.value === null ? '—' : Math.round(comparison.value * 100) / 100}）
      </span>
    </span>
  )
}
