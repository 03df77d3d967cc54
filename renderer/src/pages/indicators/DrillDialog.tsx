/**
 * 下钻: the measures behind a figure's numerator or denominator (indicator/drill), each with its dataset
 * and record count, and the records of the chosen measure in a grid.
 */
import { useState } from 'react'
import type { DrillMeasure, IndicatorResult } from '../../../../shared/ipc/indicator-contract.ts'
import { Dialog } from '../../components/Dialog.tsx'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { formatCount } from '../../format/numbers.ts'
import { DrillGrid } from './DrillGrid.tsx'
import { countText } from './indicatorText.ts'
import { useOptionalApiData } from './useOptionalApiData.ts'

export type DrillPart = 'numerator' | 'denominator'

export interface DrillTarget {
  result: IndicatorResult
  part: DrillPart
}

interface DrillDialogProps {
  target: DrillTarget
  own: boolean
  excludeFlagged: boolean
  onClose: () => void
}

const PART_NAMES: Record<DrillPart, string> = { numerator: '分子', denominator: '分母' }

/** The measure shown first: the first one with records in a dataset, else the first readable one. */
export function firstMeasure(measures: readonly DrillMeasure[]): DrillMeasure | undefined {
  const readable = measures.filter((m) => m.datasetId !== null && !m.unavailable)
  return readable.find((m) => m.records > 0) ?? readable[0]
}

export function DrillDialog({ target, own, excludeFlagged, onClose }: DrillDialogProps) {
  const { result } = target
  const [part, setPart] = useState<DrillPart>(target.part)
  const [chosen, setChosen] = useState<string | null>(null)
  const drill = useOptionalApiData('indicator/drill', {
    indicator: result.indicator,
    caliber: result.caliber,
    part,
    unit: result.unit,
    period: result.period,
    own,
    excludeFlagged,
  })
  const measures = drill.data?.part === part ? drill.data.measures : []
  const measure = measures.find((m) => m.measure === chosen) ?? firstMeasure(measures)
  const hasDenominator = result.denominator !== null

  return (
    <Dialog
      title={`${result.unitName} · ${result.name} · ${result.periodLabel}`}
      onClose={onClose}
      wide
      testId="drill-dialog"
    >
      <div className="drill-head">
        <div className="segmented" role="tablist" aria-label="分子或分母">
          {(['numerator', 'denominator'] as const).map((p) => (
            <button
              key={p}
              type="button"
              role="tab"
              aria-selected={part === p}
              className={part === p ? 'segment on' : 'segment'}
              disabled={p === 'denominator' && !hasDenominator}
              onClick={() => {
                setPart(p)
                setChosen(null)
              }}
              data-testid={`drill-part-${p}`}
            >
              {PART_NAMES[p]}
              <span className="segment-count">
                {countText(p === 'numerator' ? result.numerator : result.denominator)}
              </span>
            </button>
          ))}
        </div>
        <span className="muted small">
          口径：{result.caliberName}
          {own ? '（仅本院）' : '（含下级院）'}
          {excludeFlagged ? '，已剔除存疑数据' : ''}
        </span>
      </div>
      <ErrorMessage error={drill.error} onRetry={drill.reload} />
      {drill.loading && measures.length === 0 && <p className="muted">正在查找构成该数值的记录…</p>}
      {!drill.loading && drill.data && measures.length === 0 && (
        <p className="muted">该项没有可下钻的计数项。</p>
      )}
      {measures.length > 0 && (
        <table className="data-table drill-measures" data-testid="drill-measures">
          <thead>
            <tr>
              <th>计数项</th>
              <th>说明</th>
              <th>数据集</th>
              <th className="num">记录数</th>
            </tr>
          </thead>
          <tbody>
            {measures.map((m) => (
              <tr
                key={m.measure}
                className={[
                  m === measure && 'chosen',
                  (m.unavailable || m.datasetId === null) && 'unavailable',
                ]
                  .filter(Boolean)
                  .join(' ')}
                onClick={() => !m.unavailable && m.datasetId !== null && setChosen(m.measure)}
                title={m.unavailable}
                data-testid={`drill-measure-${m.measure}`}
              >
                <td className="nowrap">{m.measure}</td>
                <td>{m.unavailable ? <span className="muted">{m.unavailable}</span> : m.description}</td>
                <td className="nowrap">{m.datasetName ?? '—'}</td>
                <td className="num">{formatCount(m.records)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {measure && measure.datasetId !== null && (
        <DrillGrid key={`${part} ${measure.measure}`} datasetId={measure.datasetId} scope={measure.scope} />
      )}
    </Dialog>
  )
}
