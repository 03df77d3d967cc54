/**
 * One measure of a 口径: either a statistic over records (dataset, 人数/件数/求和/平均/中位数/办案天数,
 * the date field that puts a record into a month, the filter chips) or another indicator's value,
 * numerator or denominator (for weighted sums and ratios of indicators).
 */
import { useState } from 'react'
import type { DatasetField, DatasetSummary } from '../../../../../shared/ipc/contract.ts'
import type { IndicatorSummary, ValidationProblem } from '../../../../../shared/ipc/indicator-contract.ts'
import type { IndicatorMeasure, Measure, RecordMeasure } from '../../../../../shared/indicators/model.ts'
import {
  dateFields,
  datasetOfValue,
  datasetValue,
  isIndicatorMeasure,
  newIndicatorMeasure,
  newRecordMeasure,
  numberFields,
  withMeasureKind,
} from './builderDraft.ts'
import { FieldProblems } from './FieldProblems.tsx'
import { FilterEditor } from './FilterEditor.tsx'
import { controlId } from './problems.ts'
import { datasetOf } from './useDatasetFields.ts'
import type { FieldsById } from './useDatasetFields.ts'

const KIND_LABELS: Record<RecordMeasure['of'], string> = {
  persons: '人数（人）',
  cases: '件数（件）',
  sum: '求和',
  avg: '平均',
  median: '中位数',
  days: '办案天数',
}

const STAT_LABELS: Record<NonNullable<RecordMeasure['stat']>, string> = {
  avg: '平均',
  median: '中位数',
  sum: '合计',
}

const PART_LABELS: Record<IndicatorMeasure['part'], string> = {
  value: '指标值',
  numerator: '分子',
  denominator: '分母',
}

export interface MeasureContext {
  datasets: readonly DatasetSummary[]
  fieldsById: FieldsById
  /** Indicators a measure may read (this one left out). */
  indicators: readonly IndicatorSummary[]
  readOnly: boolean
  placed: ReadonlyMap<string, ValidationProblem[]>
}

interface MeasureEditorProps extends MeasureContext {
  name: string
  measure: Measure
  /** `calibers.0.measures.不捕人数` */
  path: string
  /** Renames the measure; false when the name is taken by another measure. */
  onRename: (name: string) => boolean
  onChange: (measure: Measure) => void
  onRemove: () => void
}

export function MeasureEditor(props: MeasureEditorProps) {
  const { name, measure, path, onRename, onChange, onRemove, indicators, readOnly, placed, datasets } = props
  const indicator = isIndicatorMeasure(measure)
  return (
    <div className="measure-card" data-testid={`measure-${name}`} data-measure={name}>
      <div className="measure-head">
        <NameInput name={name} onRename={onRename} readOnly={readOnly} id={controlId(path)} />
        <select
          className="select small"
          value={indicator ? 'indicator' : 'records'}
          disabled={readOnly}
          onChange={(event) =>
            onChange(
              event.target.value === 'indicator'
                ? newIndicatorMeasure(indicators[0]?.id ?? '')
                : defaultRecordMeasure(datasets, props.fieldsById),
            )
          }
          aria-label="度量来源"
          data-testid="measure-source"
        >
          <option value="records">统计记录</option>
          <option value="indicator">引用其他指标</option>
        </select>
        <span className="toolbar-spacer" />
        {!readOnly && (
          <button
            type="button"
            className="button link danger"
            onClick={onRemove}
            data-testid="measure-remove"
          >
            删除度量
          </button>
        )}
      </div>
      <FieldProblems problems={placed.get(path)} path={path} />
      {indicator ? (
        <IndicatorMeasureForm {...props} measure={measure} />
      ) : (
        <RecordMeasureForm {...props} measure={measure} />
      )}
      <div className="measure-row">
        <label className="measure-label" htmlFor={controlId(`${path}.description`)}>
          说明
        </label>
        <div className="measure-control">
          <input
            id={controlId(`${path}.description`)}
            className="input small"
            value={measure.description ?? ''}
            readOnly={readOnly}
            maxLength={500}
            placeholder="可选，如：审结处理结果为不批准逮捕的人数"
            onChange={(event) => onChange({ ...measure, description: event.target.value || undefined })}
            data-testid="measure-description"
          />
          <FieldProblems problems={placed.get(`${path}.description`)} path={`${path}.description`} />
        </div>
      </div>
    </div>
  )
}

/** A new record measure on the first imported dataset (审查逮捕 first), placed in months by 审结日期. */
export function defaultRecordMeasure(
  datasets: readonly DatasetSummary[],
  fieldsById: FieldsById,
): RecordMeasure {
  const dataset =
    datasets.find((d) => d.kind === '010101') ?? datasets.find((d) => d.kind === '020101') ?? datasets[0]
  const ref: RecordMeasure['dataset'] = dataset
    ? dataset.kind === 'generic'
      ? dataset.id
      : dataset.kind
    : '010101'
  const fields = dataset ? fieldsById.get(dataset.id) : undefined
  return newRecordMeasure(ref, defaultDateField(fields ?? null, '审结日期'))
}

function defaultDateField(fields: readonly DatasetField[] | null, current: string): string {
  if (fields === null) return current || '审结日期'
  const dates = dateFields(fields)
  if (dates.some((field) => field.name === current)) return current
  return dates.find((field) => field.name === '审结日期')?.name ?? dates[0]?.name ?? ''
}

/** The measure's name, committed on Enter or when the field is left (a rename rewrites the formula). */
function NameInput({
  name,
  onRename,
  readOnly,
  id,
}: {
  name: string
  onRename: (name: string) => boolean
  readOnly: boolean
  id: string
}) {
  const [text, setText] = useState(name)
  const [taken, setTaken] = useState(false)
  const commit = () => {
    const next = text.trim()
    if (next === name) return setTaken(false)
    if (next === '' || !onRename(next)) {
      setTaken(next !== '')
      if (next === '') setText(name)
    }
  }
  return (
    <span className="measure-name">
      <input
        id={id}
        className="input small"
        value={text}
        readOnly={readOnly}
        maxLength={60}
        title="度量名称，在公式中引用（汉字、字母、数字和下划线）"
        onChange={(event) => {
          setText(event.target.value)
          setTaken(false)
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            commit()
          }
        }}
        aria-label="度量名称"
        data-testid="measure-name"
      />
      {taken && <span className="field-problems inline">名称已被其他度量使用</span>}
    </span>
  )
}

function RecordMeasureForm({
  measure,
  path,
  onChange,
  datasets,
  fieldsById,
  readOnly,
  placed,
}: MeasureEditorProps & { measure: RecordMeasure }) {
  const dataset = datasetOf(measure.dataset, datasets)
  const fields = dataset ? (fieldsById.get(dataset.id) ?? null) : null
  const at = (key: string) => `${path}.${key}`
  const generic = datasets.filter((d) => d.kind === 'generic')
  const kindImported = (kind: '010101' | '020101') => datasets.some((d) => d.kind === kind)

  return (
    <>
      <div className="measure-row">
        <label className="measure-label" htmlFor={controlId(at('dataset'))}>
          数据
        </label>
        <div className="measure-control inline-options">
          <select
            id={controlId(at('dataset'))}
            className="select small"
            value={datasetValue(measure.dataset)}
            disabled={readOnly}
            onChange={(event) => {
              const ref = datasetOfValue(event.target.value)
              const next = datasetOf(ref, datasets)
              const nextFields = next ? (fieldsById.get(next.id) ?? null) : null
              onChange({ ...measure, dataset: ref, date: defaultDateField(nextFields, measure.date) })
            }}
            data-testid="measure-dataset"
          >
            <option value="010101">审查逮捕（010101）{kindImported('010101') ? '' : '·未导入'}</option>
            <option value="020101">一审公诉（020101）{kindImported('020101') ? '' : '·未导入'}</option>
            {generic.map((d) => (
              <option key={d.id} value={String(d.id)}>
                {d.name}（通用数据）
              </option>
            ))}
            {typeof measure.dataset === 'number' && !generic.some((d) => d.id === measure.dataset) && (
              <option value={String(measure.dataset)}>数据集 {measure.dataset}（未找到）</option>
            )}
          </select>
          <select
            id={controlId(at('of'))}
            className="select small"
            value={measure.of}
            disabled={readOnly}
            onChange={(event) =>
              onChange(withMeasureKind(measure, event.target.value as RecordMeasure['of']))
            }
            aria-label="统计方式"
            data-testid="measure-of"
          >
            {Object.entries(KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          {dataset === undefined && <span className="muted small">该数据尚未导入，预览无数据。</span>}
        </div>
      </div>
      <FieldProblems problems={placed.get(at('dataset'))} path={at('dataset')} />
      <FieldProblems problems={placed.get(at('of'))} path={at('of')} />
      <div className="measure-row">
        <label className="measure-label" htmlFor={controlId(at('date'))}>
          归属月份
        </label>
        <div className="measure-control">
          <FieldSelect
            id={controlId(at('date'))}
            value={measure.date}
            fields={fields === null ? null : dateFields(fields)}
            readOnly={readOnly}
            placeholder="日期字段，如 审结日期"
            onChange={(date) => onChange({ ...measure, date })}
            testId="measure-date"
          />
          <span className="muted small measure-hint">按此日期字段把记录归入月份</span>
          <FieldProblems problems={placed.get(at('date'))} path={at('date')} />
        </div>
      </div>
      {(measure.of === 'sum' || measure.of === 'avg' || measure.of === 'median') && (
        <div className="measure-row">
          <label className="measure-label" htmlFor={controlId(at('value'))}>
            统计的值
          </label>
          <div className="measure-control">
            <input
              id={controlId(at('value'))}
              className="input small measure-value"
              value={measure.value ?? ''}
              readOnly={readOnly}
              list={`${controlId(at('value'))}-fields`}
              spellCheck={false}
              placeholder="数值字段或表达式，如 涉案金额 或 天数差(受理日期, 审结日期)"
              onChange={(event) => onChange({ ...measure, value: event.target.value || undefined })}
              data-testid="measure-value"
            />
            <datalist id={`${controlId(at('value'))}-fields`}>
              {numberFields(fields ?? []).map((field) => (
                <option key={field.name} value={field.name} />
              ))}
            </datalist>
            <FieldProblems problems={placed.get(at('value'))} path={at('value')} />
          </div>
        </div>
      )}
      {measure.of === 'days' && (
        <div className="measure-row">
          <span className="measure-label">天数</span>
          <div className="measure-control inline-options">
            <span>从</span>
            <FieldSelect
              id={controlId(at('from'))}
              value={measure.from ?? ''}
              fields={fields === null ? null : dateFields(fields)}
              readOnly={readOnly}
              placeholder="如 受理日期"
              onChange={(from) => onChange({ ...measure, from: from || undefined })}
              testId="measure-from"
            />
            <span>到</span>
            <FieldSelect
              id={controlId(at('to'))}
              value={measure.to ?? ''}
              fields={fields === null ? null : dateFields(fields)}
              readOnly={readOnly}
              placeholder="如 审结日期"
              onChange={(to) => onChange({ ...measure, to: to || undefined })}
              testId="measure-to"
            />
            <span>取</span>
            <select
              id={controlId(at('stat'))}
              className="select small"
              value={measure.stat ?? 'avg'}
              disabled={readOnly}
              onChange={(event) =>
                onChange({ ...measure, stat: event.target.value as RecordMeasure['stat'] })
              }
              aria-label="天数的汇总方式"
              data-testid="measure-stat"
            >
              {Object.entries(STAT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {measure.of === 'days' &&
        (['from', 'to', 'stat'] as const).map((key) => (
          <FieldProblems key={key} problems={placed.get(at(key))} path={at(key)} />
        ))}
      <div className="measure-row">
        <span className="measure-label">筛选条件</span>
        <div className="measure-control">
          <FilterEditor
            value={measure.filter ?? ''}
            onChange={(filter) => onChange({ ...measure, filter: filter.trim() === '' ? undefined : filter })}
            fields={fields}
            readOnly={readOnly}
            path={at('filter')}
            controlId={controlId(at('filter'))}
            problems={placed.get(at('filter'))}
          />
        </div>
      </div>
    </>
  )
}

/** A field of the dataset (date fields here); free text when the dataset's fields are unknown. */
function FieldSelect({
  id,
  value,
  fields,
  readOnly,
  placeholder,
  onChange,
  testId,
}: {
  id: string
  value: string
  fields: readonly DatasetField[] | null
  readOnly: boolean
  placeholder: string
  onChange: (value: string) => void
  testId: string
}) {
  if (fields === null) {
    return (
      <input
        id={id}
        className="input small field-select"
        value={value}
        readOnly={readOnly}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
      />
    )
  }
  return (
    <select
      id={id}
      className="select small field-select"
      value={value}
      disabled={readOnly}
      onChange={(event) => onChange(event.target.value)}
      data-testid={testId}
    >
      <option value="">选择字段…</option>
      {fields.map((field) => (
        <option key={field.name} value={field.name}>
          {field.name}
        </option>
      ))}
      {value !== '' && !fields.some((field) => field.name === value) && (
        <option value={value}>{value}（不是本数据的日期字段）</option>
      )}
    </select>
  )
}

function IndicatorMeasureForm({
  measure,
  path,
  onChange,
  indicators,
  readOnly,
  placed,
}: MeasureEditorProps & { measure: IndicatorMeasure }) {
  const at = (key: string) => `${path}.${key}`
  const known = indicators.some((indicator) => indicator.id === measure.indicator)
  return (
    <div className="measure-row">
      <label className="measure-label" htmlFor={controlId(at('indicator'))}>
        引用指标
      </label>
      <div className="measure-control">
        <div className="inline-options">
          <select
            id={controlId(at('indicator'))}
            className="select small measure-indicator"
            value={measure.indicator}
            disabled={readOnly}
            onChange={(event) => onChange({ ...measure, indicator: event.target.value })}
            data-testid="measure-indicator"
          >
            <option value="">选择指标…</option>
            {indicators.map((indicator) => (
              <option key={indicator.id} value={indicator.id}>
                {indicator.name}（{indicator.id}）
              </option>
            ))}
            {measure.indicator !== '' && !known && (
              <option value={measure.indicator}>{measure.indicator}（未找到）</option>
            )}
          </select>
          <select
            id={controlId(at('part'))}
            className="select small"
            value={measure.part}
            disabled={readOnly}
            onChange={(event) =>
              onChange({ ...measure, part: event.target.value as IndicatorMeasure['part'] })
            }
            aria-label="引用的部分"
            data-testid="measure-part"
          >
            {Object.entries(PART_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <span className="muted small measure-hint">
          同一单位、同一期间的该指标取值；可在公式中加权，如 0.6 * 甲 + 0.4 * 乙
        </span>
        <FieldProblems problems={placed.get(at('indicator'))} path={at('indicator')} />
        <FieldProblems problems={placed.get(at('part'))} path={at('part')} />
      </div>
    </div>
  )
}
