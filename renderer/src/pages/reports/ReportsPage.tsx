/**
 * 分析报告: choose a template (季度/年度 业务数据分析研判报告, 数据质量通报, 专题, the workspace's own), a
 * period, a unit and units to compare; read the report as it will be written (report/build, on
 * A4-like sheets), edit any paragraph, and export it as a Word document (report/export → download).
 */
import { useState } from 'react'
import type { UnitSummary } from '../../../../shared/ipc/contract.ts'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { ReportExportResult, ReportTemplateSummary } from '../../../../shared/ipc/report-contract.ts'
import { call, unwrap } from '../../api/call.ts'
import { toErrorData } from '../../api/errors.ts'
import { getApi } from '../../api/getApi.ts'
import { useApiData } from '../../api/useApiData.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { Section } from '../../components/Section.tsx'
import { formatBytes } from '../../format/numbers.ts'
import { PeriodPicker } from '../indicators/PeriodPicker.tsx'
import { ComparePicker } from './ComparePicker.tsx'
import {
  editedCount,
  loadOverrides,
  overridesKey,
  saveOverrides,
  unusedOverrides,
  withOverride,
  withoutOverride,
} from './overrides.ts'
import type { Overrides } from './overrides.ts'
import { countsText, elapsedText } from './progressText.ts'
import { ReportPreview } from './ReportPreview.tsx'
import { ReportProgressView } from './ReportProgressView.tsx'
import {
  defaultReportPeriod,
  loadSelection,
  reportArgsOf,
  saveSelection,
  sessionStore,
  topUnit,
} from './reportSpec.ts'
import type { ReportSelection } from './reportSpec.ts'
import { headingDomId, outlineOf } from './reportView.ts'
import { UnitSelect } from './UnitSelect.tsx'
import { useCoverage } from './useCoverage.ts'
import { useReportBuild } from './useReportBuild.ts'
import { useReportProgress } from './useReportProgress.ts'

export function ReportsPage() {
  const templates = useApiData('report/templates', {})
  const units = useApiData('units/list', {})
  const indicators = useApiData('indicator/list', {})
  const ready =
    templates.data !== undefined &&
    units.data !== undefined &&
    (indicators.data !== undefined || indicators.error !== undefined)

  return (
    <div className="page reports-page" data-testid="page-reports">
      <h1 className="page-title">分析报告</h1>
      <ErrorMessage error={templates.error} onRetry={templates.reload} />
      <ErrorMessage error={units.error} onRetry={units.reload} />
      {!ready && !templates.error && !units.error && <p className="muted">正在读取报告模板…</p>}
      {ready && units.data!.length === 0 && (
        <div className="notice-empty" data-testid="reports-empty">
          工作区还没有单位层级，无法生成报告。请先在 <a href="#/import">数据导入</a>{' '}
          导入案卡数据，或创建演示数据。
        </div>
      )}
      {ready && units.data!.length > 0 && templates.data!.length > 0 && (
        <ReportWorkbench
          templates={templates.data!}
          units={units.data!}
          probeIndicator={indicators.data?.[0]?.id ?? null}
        />
      )}
    </div>
  )
}

interface WorkbenchProps {
  templates: readonly ReportTemplateSummary[]
  units: readonly UnitSummary[]
  /** Any indicator: computing it once tells the data's coverage (for the default period). */
  probeIndicator: string | null
}

const ZOOMS = [
  { value: 0.75, label: '75%' },
  { value: 1, label: '100%' },
  { value: 1.25, label: '125%' },
]

function ReportWorkbench({ templates, units, probeIndicator }: WorkbenchProps) {
  const store = sessionStore()
  const [selection, setSelectionState] = useState<ReportSelection>(() => loadSelection(store))
  const setSelection = (next: ReportSelection) => {
    setSelectionState(next)
    saveSelection(store, next)
  }
  const update = (patch: Partial<ReportSelection>) => setSelection({ ...selection, ...patch })

  const template = templates.find((t) => t.id === selection.template) ?? templates[0]
  const top = topUnit(units)
  const unit = units.some((u) => u.code === selection.unit) ? selection.unit : top

  // The default period needs the data's coverage.
  const { coverage, known } = useCoverage(probeIndicator, units)
  const period =
    selection.period ?? (known ? defaultReportPeriod(template.periodHint, coverage, new Date()) : null)

  const resolved = period === null ? null : { ...selection, template: template.id, unit, period }
  const build = useReportBuild(resolved && reportArgsOf(resolved, {}))
  const buildProgress = useReportProgress(build.task)

  // Edits per report (template, unit, period), kept in this tab's sessionStorage.
  const [edits, setEdits] = useState<Record<string, Overrides>>({})
  const overridesOf = (key: string): Overrides => edits[key] ?? loadOverrides(store, key)
  const key = period === null ? '' : overridesKey(template.id, unit, period)
  const overrides = overridesOf(key)
  const setOverrides = (next: Overrides) => {
    setEdits({ ...edits, [key]: next })
    saveOverrides(store, key, next)
  }

  const model = build.model
  const modelKey = model ? overridesKey(model.template.id, model.unit.code, model.period.text) : ''
  const current = model !== undefined && modelKey === key && !build.building
  const modelOverrides = modelKey === key ? overrides : overridesOf(modelKey)
  const unused = model && current ? unusedOverrides(model, overrides) : []
  const edited = model && current ? editedCount(model, overrides) : 0

  const [zoom, setZoom] = useState(1)
  const [exportTask, setExportTask] = useState<string | null>(null)
  const exportProgress = useReportProgress(exportTask)
  const [exported, setExported] = useState<{ result: ReportExportResult; saved: boolean } | null>(null)
  const [exportError, setExportError] = useState<EngineErrorData | null>(null)
  const exporting = exportTask !== null

  const runExport = async () => {
    if (resolved === null) return
    setExportTask(`export ${Date.now()}`)
    setExportError(null)
    setExported(null)
    try {
      const result = await call('report/export', reportArgsOf(resolved, overrides))
      const saved = unwrap(await getApi().saveExport(result.file, result.name))
      setExported({ result, saved: saved.saved })
    } catch (caught) {
      setExportError(toErrorData(caught))
    } finally {
      setExportTask(null)
    }
  }

  const chooseTemplate = (id: string) => {
    const next = templates.find((t) => t.id === id) ?? template
    // A period chosen for a quarterly report does not suit an annual one: back to the default.
    update({ template: next.id, period: next.periodHint === template.periodHint ? selection.period : null })
  }

  const builtins = templates.filter((t) => t.source === 'builtin')
  const mine = templates.filter((t) => t.source === 'user')

  return (
    <div className="reports-layout">
      <aside className="report-controls">
        <Section title="报告设置">
          <div className="report-form">
            <label className="report-field">
              <span className="field-label">报告模板</span>
              <select
                className="select"
                value={template.id}
                disabled={exporting}
                onChange={(event) => chooseTemplate(event.target.value)}
                data-testid="report-template"
              >
                <optgroup label="内置模板">
                  {builtins.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </optgroup>
                {mine.length > 0 && (
                  <optgroup label="我的模板">
                    {mine.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </optgroup>
                )}
              </select>
            </label>
            {template.description && <p className="muted small report-description">{template.description}</p>}
            <div className="report-template-links">
              <a href={`#/reports/templates/${template.id}`} data-testid="report-edit-template">
                {template.source === 'builtin' ? '查看模板 / 另存为' : '编辑模板'}
              </a>
              <a href="#/reports/templates/new" data-testid="report-new-template">
                新建模板
              </a>
            </div>

            <div className="report-field" data-testid="report-period">
              {period === null ? (
                <span className="muted small">正在确定数据覆盖的期间…</span>
              ) : (
                <PeriodPicker
                  value={period}
                  coverage={coverage}
                  onChange={(next) => update({ period: next })}
                />
              )}
              {coverage && (
                <span className="muted small">
                  数据覆盖 {coverage.first.slice(0, 7)} 至 {coverage.last.slice(0, 7)}
                </span>
              )}
            </div>

            <label className="report-field">
              <span className="field-label">报告单位</span>
              <UnitSelect
                units={units}
                value={unit}
                disabled={exporting}
                onChange={(code) =>
                  update({ unit: code, compareUnits: selection.compareUnits.filter((c) => c !== code) })
                }
                testId="report-unit"
              />
            </label>

            <div className="report-field">
              <span className="field-label">对比单位</span>
              <ComparePicker
                units={units}
                unit={unit}
                value={selection.compareUnits}
                disabled={exporting}
                onChange={(compareUnits) => update({ compareUnits })}
              />
            </div>

            <label className="report-check">
              <input
                type="checkbox"
                checked={selection.excludeFlagged}
                disabled={exporting}
                onChange={(event) => update({ excludeFlagged: event.target.checked })}
                data-testid="report-exclude-flagged"
              />
              剔除存疑数据
              <span className="muted small">（不计有未处理“错误”级核查问题的记录）</span>
            </label>
          </div>
        </Section>

        <Section title="导出 Word">
          <div className="report-export">
            <button
              type="button"
              className="button primary"
              disabled={resolved === null || exporting || build.building || build.error !== undefined}
              title={build.building ? '请等待预览生成完毕' : undefined}
              onClick={() => void runExport()}
              data-testid="report-export"
            >
              {exporting ? '正在导出…' : '导出 .docx'}
            </button>
            {edited > 0 && (
              <p className="small" data-testid="report-edited-count">
                已修改 {edited} 段文字，将随报告一并导出。
              </p>
            )}
            {exporting && <ReportProgressView task="export" progress={exportProgress} />}
            <ErrorMessage error={exportError} />
            {exported && (
              <div
                className="report-export-result"
                role="status"
                data-testid="report-export-result"
                data-bytes={exported.result.bytes}
                data-paragraphs={exported.result.paragraphs}
                data-tables={exported.result.tables}
                data-charts={exported.result.charts}
              >
                <p>
                  {exported.saved ? '已导出' : '已生成（未保存）'}：
                  <span className="path">{exported.result.name}</span>
                </p>
                <p className="muted small">
                  {formatBytes(exported.result.bytes)}，{countsText(exported.result)}，用时{' '}
                  {elapsedText(exported.result.elapsedMs)}
                </p>
              </div>
            )}
          </div>
        </Section>
        {model && current && (
          <Section title="目录">
            <ol className="report-outline" data-testid="report-outline">
              {outlineOf(model.blocks).map((entry) => (
                <li key={entry.index} className={`level-${entry.level}`}>
                  <button
                    type="button"
                    className="button link small"
                    onClick={() =>
                      document.getElementById(headingDomId(entry.index))?.scrollIntoView({ block: 'start' })
                    }
                  >
                    {entry.text}
                  </button>
                </li>
              ))}
            </ol>
          </Section>
        )}
      </aside>

      <section className="report-main">
        <div className="report-main-bar">
          <span className="report-status" data-testid="report-status">
            {build.building
              ? '正在生成预览…'
              : model && current
                ? `${model.period.label} · ${model.unit.name} · ${countsText(model.counts)}`
                : ''}
          </span>
          <span className="toolbar-spacer" />
          {edited > 0 && (
            <button
              type="button"
              className="button link small"
              onClick={() => setOverrides({})}
              data-testid="report-restore-all"
            >
              全部恢复原文
            </button>
          )}
          <label className="small">
            缩放
            <select
              className="select small"
              value={zoom}
              onChange={(event) => setZoom(Number(event.target.value))}
              aria-label="缩放"
            >
              {ZOOMS.map((z) => (
                <option key={z.value} value={z.value}>
                  {z.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button small"
            disabled={build.building || resolved === null}
            onClick={build.rebuild}
            title="数据有变化时重新计算"
            data-testid="report-rebuild"
          >
            重新生成
          </button>
        </div>
        {build.building && <ReportProgressView task="build" progress={buildProgress} />}
        <ErrorMessage error={build.error} onRetry={build.rebuild} />
        {unused.length > 0 && (
          <div className="notice report-unused" role="status" data-testid="report-unused-overrides">
            有 {unused.length} 处修改对应的段落已不在本报告中（模板或数据已变化），不会导出。
            <button
              type="button"
              className="button link small"
              onClick={() =>
                setOverrides(
                  Object.fromEntries(Object.entries(overrides).filter(([id]) => !unused.includes(id))),
                )
              }
            >
              清除这些修改
            </button>
          </div>
        )}
        {model && (
          <>
            {current && (
              <p className="muted small report-hint">
                点击任一段文字可直接修改，修改会随导出的 Word 文档一并保存。
              </p>
            )}
            <ReportPreview
              model={model}
              overrides={modelOverrides}
              editable={current && !exporting}
              stale={!current}
              zoom={zoom}
              onEdit={(id, text, original) => setOverrides(withOverride(overrides, id, text, original))}
              onRestore={(id) => setOverrides(withoutOverride(overrides, id))}
            />
          </>
        )}
      </section>
    </div>
  )
}
