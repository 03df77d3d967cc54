/**
 * The dashboard toolbar: period, 含下级院 / 仅本院, 剔除存疑数据, 数据质量影响 with its margins, and the
 * definition actions (新建指标, 导入定义, 导出定义).
 */
import { useRef } from 'react'
import { routeHash } from '../../app/routes.ts'
import type { QualityMargins } from './indicatorText.ts'
import { parseMargin } from './indicatorText.ts'
import { PeriodPicker } from './PeriodPicker.tsx'

interface IndicatorToolbarProps {
  period: string
  coverage: { first: string; last: string } | null
  onPeriod: (period: string) => void
  own: boolean
  onOwn: (own: boolean) => void
  excludeFlagged: boolean
  onExcludeFlagged: (exclude: boolean) => void
  withClean: boolean
  onWithClean: (withClean: boolean) => void
  margins: QualityMargins
  onMargins: (margins: QualityMargins) => void
  importing: boolean
  onImportFile: (file: File) => void
  onOpenExport: () => void
}

export function IndicatorToolbar(props: IndicatorToolbarProps) {
  const fileInput = useRef<HTMLInputElement>(null)
  const { margins } = props
  return (
    <div className="toolbar indicator-toolbar">
      <PeriodPicker value={props.period} coverage={props.coverage} onChange={props.onPeriod} />
      <div className="segmented" role="group" aria-label="统计范围">
        <button
          type="button"
          className={props.own ? 'segment' : 'segment on'}
          aria-pressed={!props.own}
          onClick={() => props.onOwn(false)}
          title="各院数值包含其下级院的案件"
          data-testid="scope-all"
        >
          含下级院
        </button>
        <button
          type="button"
          className={props.own ? 'segment on' : 'segment'}
          aria-pressed={props.own}
          onClick={() => props.onOwn(true)}
          title="各院数值只计本院办理的案件"
          data-testid="scope-own"
        >
          仅本院
        </button>
      </div>
      <label className="check-field" title="不计入有未解决“错误”级疑点（待核查或已确认）的记录">
        <input
          type="checkbox"
          checked={props.excludeFlagged}
          onChange={(event) => props.onExcludeFlagged(event.target.checked)}
          data-testid="exclude-flagged"
        />
        剔除存疑数据
      </label>
      <label className="check-field" title="同时计算剔除存疑数据后的数值，标出受数据质量影响较大的单元格">
        <input
          type="checkbox"
          checked={props.withClean}
          onChange={(event) => props.onWithClean(event.target.checked)}
          data-testid="with-clean"
        />
        数据质量影响
      </label>
      {props.withClean && (
        <span className="margin-fields" data-testid="quality-margins">
          <span className="muted small">阈值</span>
          <input
            className="input small margin-input"
            type="number"
            min={0}
            step={0.1}
            defaultValue={margins.rate}
            onChange={(event) =>
              props.onMargins({ ...margins, rate: parseMargin(event.target.value, margins.rate) })
            }
            aria-label="比率类指标阈值（百分点）"
          />
          <span className="small">百分点</span>
          <input
            className="input small margin-input"
            type="number"
            min={0}
            step={1}
            defaultValue={margins.relative}
            onChange={(event) =>
              props.onMargins({ ...margins, relative: parseMargin(event.target.value, margins.relative) })
            }
            aria-label="数量类指标阈值（相对变化 %）"
          />
          <span className="small">%</span>
        </span>
      )}
      <span className="toolbar-spacer" />
      <a
        className="button"
        href={routeHash({ page: 'indicator', indicatorId: null })}
        data-testid="new-indicator"
      >
        新建指标
      </a>
      <button
        type="button"
        className="button"
        disabled={props.importing}
        onClick={() => fileInput.current?.click()}
        data-testid="import-indicators"
      >
        {props.importing ? '正在导入…' : '导入定义'}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,.yaml,.yml,.txt"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) props.onImportFile(file)
        }}
        data-testid="import-indicators-file"
      />
      <button type="button" className="button" onClick={props.onOpenExport} data-testid="export-indicators">
        导出定义
      </button>
    </div>
  )
}
