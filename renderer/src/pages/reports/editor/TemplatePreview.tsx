/**
 * 预览: the draft (saved or not) built for a unit and period through report/build with `draft`, shown
 * as the report page shows it (read-only here); marked when the draft changed since.
 */
import { useState } from 'react'
import type { UnitSummary } from '../../../../../shared/ipc/contract.ts'
import type { EngineErrorData } from '../../../../../shared/ipc/envelope.ts'
import type { ReportModel } from '../../../../../shared/reports/report-model.ts'
import { call } from '../../../api/call.ts'
import { toErrorData } from '../../../api/errors.ts'
import { ErrorMessage } from '../../../components/ErrorMessage.tsx'
import { PeriodPicker } from '../../indicators/PeriodPicker.tsx'
import { countsText } from '../progressText.ts'
import { ReportPreview } from '../ReportPreview.tsx'
import { ReportProgressView } from '../ReportProgressView.tsx'
import { defaultReportPeriod, loadSelection, sessionStore, topUnit } from '../reportSpec.ts'
import { UnitSelect } from '../UnitSelect.tsx'
import { useCoverage } from '../useCoverage.ts'
import { useReportProgress } from '../useReportProgress.ts'
import type { Draft } from './templateDraft.ts'

interface TemplatePreviewProps {
  draft: Draft
  /** The live check found no problems (the engine refuses to build a draft with problems). */
  valid: boolean
  units: readonly UnitSummary[]
  probeIndicator: string | null
}

export function TemplatePreview({ draft, valid, units, probeIndicator }: TemplatePreviewProps) {
  const remembered = loadSelection(sessionStore())
  const [unit, setUnit] = useState(() =>
    units.some((u) => u.code === remembered.unit) ? remembered.unit : topUnit(units),
  )
  const [chosenPeriod, setChosenPeriod] = useState<string | null>(remembered.period)
  const { coverage, known } = useCoverage(probeIndicator, units)
  const period = chosenPeriod ?? (known ? defaultReportPeriod(draft.periodHint, coverage, new Date()) : null)

  const [task, setTask] = useState<string | null>(null)
  const progress = useReportProgress(task)
  const [built, setBuilt] = useState<{ model: ReportModel; draft: string } | null>(null)
  const [error, setError] = useState<EngineErrorData | null>(null)
  const draftJson = JSON.stringify(draft)
  const outdated = built !== null && built.draft !== draftJson

  const build = async () => {
    if (period === null) return
    setTask(`preview ${Date.now()}`)
    setError(null)
    try {
      const model = await call('report/build', { template: draft.id, draft, period, unit })
      setBuilt({ model, draft: draftJson })
    } catch (caught) {
      setError(toErrorData(caught))
    } finally {
      setTask(null)
    }
  }

  return (
    <div className="template-preview" data-testid="template-preview" data-outdated={outdated}>
      <div className="template-preview-options">
        <UnitSelect units={units} value={unit} onChange={setUnit} testId="template-preview-unit" />
        {period !== null && <PeriodPicker value={period} coverage={coverage} onChange={setChosenPeriod} />}
        <button
          type="button"
          className="button primary small"
          disabled={!valid || task !== null || period === null}
          title={valid ? undefined : '请先修正检查中列出的问题'}
          onClick={() => void build()}
          data-testid="template-preview-build"
        >
          {task !== null ? '正在生成…' : built ? '重新生成预览' : '生成预览'}
        </button>
      </div>
      {task !== null && <ReportProgressView task="build" progress={progress} />}
      <ErrorMessage error={error} />
      {built && (
        <>
          <p className="muted small">
            {built.model.period.label} · {built.model.unit.name} · {countsText(built.model.counts)}
            {outdated && <strong className="template-preview-outdated">　模板已修改，预览尚未更新</strong>}
          </p>
          <ReportPreview model={built.model} overrides={{}} editable={false} stale={outdated} zoom={0.6} />
        </>
      )}
    </div>
  )
}
