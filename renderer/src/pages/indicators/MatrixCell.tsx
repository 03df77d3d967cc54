/** One figure of the matrix: display text tinted by its deviation from the peer average; click to drill. */
import type { IndicatorResult, IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import { deviationColor } from './deviationColor.ts'
import { qualityAlert, resultText } from './indicatorText.ts'
import type { QualityMargins } from './indicatorText.ts'
import { cellTitle } from './matrixText.ts'

interface MatrixCellProps {
  unit: string
  indicator: IndicatorSummary
  result: IndicatorResult | undefined
  selected: boolean
  /** Margins of the 数据质量影响 check; null when it is off. */
  margins: QualityMargins | null
  onOpen: (result: IndicatorResult) => void
}

export function MatrixCell({ unit, indicator, result, selected, margins, onOpen }: MatrixCellProps) {
  const color = result
    ? deviationColor(indicator.effectiveDirection, result.deviation, result.peerAverage)
    : null
  const alert = result && margins ? qualityAlert(result, indicator.unit, margins) : null
  const usable = result !== undefined && !result.unavailable
  const classes = [
    'matrix-cell',
    selected && 'selected',
    color && `tone-${color.tone}`,
    alert && 'quality-alert',
  ]
  return (
    <td
      className={classes.filter(Boolean).join(' ')}
      style={{ background: color?.background }}
      title={cellTitle(result, indicator, margins)}
    >
      <button
        type="button"
        className="matrix-value"
        disabled={!usable}
        onClick={() => result && onOpen(result)}
        data-testid={`matrix-cell-${unit}-${indicator.id}`}
        data-value={result?.value ?? ''}
        data-tone={color?.tone ?? 'none'}
      >
        {resultText(result)}
        {result?.partial && result.value !== null && (
          <sup className="partial-mark" aria-label="数据不完整">
            *
          </sup>
        )}
        {alert && (
          <span className="alert-mark" aria-label={alert}>
            ⚠
          </span>
        )}
      </button>
    </td>
  )
}
