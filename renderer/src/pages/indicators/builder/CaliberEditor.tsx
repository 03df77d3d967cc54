/**
 * The 口径 of an indicator, one tab each: name, effective dates and note, the measures, and the
 * formula over them. A new 口径 starts as a copy of the last one (a change of 口径 usually changes one
 * measure or the formula from a date on).
 */
import { useState } from 'react'
import type { Caliber, IndicatorDefinition } from '../../../../../shared/indicators/model.ts'
import {
  addCaliber,
  addMeasure,
  freeMeasureName,
  removeCaliber,
  removeMeasure,
  renameMeasure,
  setMeasure,
  updateCaliber,
  withoutUndefined,
} from './builderDraft.ts'
import { FieldProblems, FormRow } from './FieldProblems.tsx'
import { FormulaEditor } from './FormulaEditor.tsx'
import { defaultRecordMeasure, MeasureEditor } from './MeasureEditor.tsx'
import type { MeasureContext } from './MeasureEditor.tsx'
import { controlId } from './problems.ts'

interface CaliberEditorProps extends MeasureContext {
  draft: IndicatorDefinition
  onEdit: (next: IndicatorDefinition) => void
}

export function CaliberEditor(props: CaliberEditorProps) {
  const { draft, onEdit, readOnly, placed } = props
  const [chosen, setChosen] = useState(0)
  const index = Math.min(chosen, Math.max(0, draft.calibers.length - 1))
  const caliber = draft.calibers[index] as Caliber | undefined
  const hasProblems = (i: number) =>
    [...placed.keys()].some((path) => path === `calibers.${i}` || path.startsWith(`calibers.${i}.`))

  return (
    <div className="caliber-editor" data-testid="builder-calibers">
      <div className="caliber-tabs" role="tablist" id={controlId('calibers')} tabIndex={-1}>
        {draft.calibers.map((c, i) => (
          <button
            key={i}
            type="button"
            role="tab"
            aria-selected={i === index}
            className={['caliber-tab', i === index && 'active', hasProblems(i) && 'has-problems']
              .filter(Boolean)
              .join(' ')}
            onClick={() => setChosen(i)}
            data-testid={`caliber-tab-${i}`}
          >
            {c.name || `口径${i + 1}`}
            <span className="caliber-dates">{dateRange(c)}</span>
          </button>
        ))}
        {!readOnly && (
          <button
            type="button"
            className="button small"
            disabled={draft.calibers.length >= 10}
            onClick={() => {
              onEdit(addCaliber(draft))
              setChosen(draft.calibers.length)
            }}
            title="复制当前最后一个口径，作为新口径修改"
            data-testid="caliber-add"
          >
            ＋ 添加口径
          </button>
        )}
      </div>
      <FieldProblems problems={placed.get('calibers')} path="calibers" />
      {caliber && (
        <CaliberForm
          key={index}
          {...props}
          caliber={caliber}
          index={index}
          onChange={(next) => onEdit(updateCaliber(draft, index, next))}
          onRemove={
            readOnly || draft.calibers.length <= 1
              ? null
              : () => {
                  onEdit(removeCaliber(draft, index))
                  setChosen(Math.max(0, index - 1))
                }
          }
        />
      )}
    </div>
  )
}

function dateRange(caliber: Caliber): string {
  if (!caliber.from && !caliber.to) return '长期有效'
  return `${caliber.from ?? '…'} 至 ${caliber.to ?? '今'}`
}

interface CaliberFormProps extends CaliberEditorProps {
  caliber: Caliber
  index: number
  onChange: (caliber: Caliber) => void
  onRemove: (() => void) | null
}

function CaliberForm(props: CaliberFormProps) {
  const { caliber, index, onChange, onRemove, readOnly, placed, draft } = props
  const base = `calibers.${index}`
  const at = (key: string) => `${base}.${key}`
  const patch = (changes: Partial<Caliber>) => onChange(withoutUndefined({ ...caliber, ...changes }))
  const names = Object.keys(caliber.measures)
  const context = {
    datasets: props.datasets,
    fieldsById: props.fieldsById,
    indicators: props.indicators.filter((indicator) => indicator.id !== draft.id),
    readOnly,
    placed,
  }

  return (
    <div className="caliber-form" data-testid={`caliber-${index}`}>
      <FieldProblems problems={placed.get(base)} path={base} />
      <div className="form-grid">
        <FormRow label="口径名称" htmlFor={controlId(at('name'))}>
          <div className="inline-options">
            <input
              id={controlId(at('name'))}
              className="input"
              value={caliber.name}
              readOnly={readOnly}
              maxLength={60}
              placeholder="例如：2023 年起口径"
              onChange={(event) => patch({ name: event.target.value })}
              data-testid="caliber-name"
            />
            <label className="muted small">
              编号
              <input
                id={controlId(at('id'))}
                className="input small caliber-id"
                value={caliber.id}
                readOnly={readOnly}
                maxLength={40}
                onChange={(event) => patch({ id: event.target.value })}
                data-testid="caliber-id"
              />
            </label>
            {onRemove && (
              <button
                type="button"
                className="button link danger"
                onClick={onRemove}
                data-testid="caliber-remove"
              >
                删除此口径
              </button>
            )}
          </div>
          <FieldProblems problems={placed.get(at('name'))} path={at('name')} />
          <FieldProblems problems={placed.get(at('id'))} path={at('id')} />
        </FormRow>
        <FormRow label="生效期间" htmlFor={controlId(at('from'))}>
          <div className="inline-options">
            <input
              id={controlId(at('from'))}
              type="date"
              className="input small"
              value={caliber.from ?? ''}
              readOnly={readOnly}
              onChange={(event) => patch({ from: event.target.value || undefined })}
              aria-label="开始日期"
              data-testid="caliber-from"
            />
            <span>至</span>
            <input
              id={controlId(at('to'))}
              type="date"
              className="input small"
              value={caliber.to ?? ''}
              readOnly={readOnly}
              onChange={(event) => patch({ to: event.target.value || undefined })}
              aria-label="结束日期"
              data-testid="caliber-to"
            />
            <span className="muted small">留空表示不限；计算某期间时使用期末有效的口径</span>
          </div>
          <FieldProblems problems={placed.get(at('from'))} path={at('from')} />
          <FieldProblems problems={placed.get(at('to'))} path={at('to')} />
        </FormRow>
        <FormRow label="口径说明" htmlFor={controlId(at('note'))}>
          <input
            id={controlId(at('note'))}
            className="input"
            value={caliber.note ?? ''}
            readOnly={readOnly}
            maxLength={1000}
            placeholder="可选，如：依据 2023 年修订的评价指标"
            onChange={(event) => patch({ note: event.target.value || undefined })}
            data-testid="caliber-note"
          />
          <FieldProblems problems={placed.get(at('note'))} path={at('note')} />
        </FormRow>
      </div>

      <h3 className="builder-subtitle">度量</h3>
      <div className="measure-list" id={controlId(at('measures'))} tabIndex={-1}>
        {names.length === 0 && (
          <p className="muted small">
            度量是公式中的数：如“不捕人数”为审查逮捕数据中审结处理结果为不批准逮捕的人数。
          </p>
        )}
        {names.map((name) => (
          <MeasureEditor
            key={name}
            {...context}
            name={name}
            measure={caliber.measures[name]}
            path={`${at('measures')}.${name}`}
            onRename={(next) => {
              const renamed = renameMeasure(caliber, name, next)
              if (renamed === caliber) return false
              onChange(renamed)
              return true
            }}
            onChange={(measure) => onChange(setMeasure(caliber, name, measure))}
            onRemove={() => onChange(removeMeasure(caliber, name))}
          />
        ))}
        <FieldProblems problems={placed.get(at('measures'))} path={at('measures')} />
        {!readOnly && (
          <button
            type="button"
            className="button small"
            disabled={names.length >= 30}
            onClick={() =>
              onChange(
                addMeasure(
                  caliber,
                  defaultRecordMeasure(props.datasets, props.fieldsById),
                  freeMeasureName(caliber),
                ),
              )
            }
            data-testid="measure-add"
          >
            ＋ 添加度量
          </button>
        )}
      </div>

      <h3 className="builder-subtitle">公式</h3>
      <FormulaEditor
        formula={caliber.formula}
        measures={names}
        onChange={(formula) => patch({ formula })}
        readOnly={readOnly}
        path={at('formula')}
        controlId={controlId(at('formula'))}
        problems={placed.get(at('formula'))}
      />
    </div>
  )
}
