/** An indicator's identity and display: 编号, 名称, 说明, 主题, 标签, 方向, 显示单位, 小数位数. */
import { useState } from 'react'
import type { ValidationProblem } from '../../../../../shared/ipc/indicator-contract.ts'
import { DIRECTION_NAMES, DIRECTIONS, DISPLAY_UNITS } from '../../../../../shared/indicators/model.ts'
import type { IndicatorDefinition } from '../../../../../shared/indicators/model.ts'
import { FieldProblems, FormRow } from './FieldProblems.tsx'
import { controlId } from './problems.ts'

const DIRECTION_HINTS: Record<string, string> = {
  up: '越高越好（如起诉率）',
  down: '越低越好（如不捕率、退回补充侦查率）',
  range: '在合理区间内为好（如审查周期）',
}

interface BasicsFormProps {
  draft: IndicatorDefinition
  onEdit: (patch: Partial<IndicatorDefinition>) => void
  readOnly: boolean
  idEditable: boolean
  placed: ReadonlyMap<string, ValidationProblem[]>
  themes: readonly string[]
}

export function BasicsForm({ draft, onEdit, readOnly, idEditable, placed, themes }: BasicsFormProps) {
  return (
    <div className="form-grid builder-basics">
      <FormRow label="指标编号" htmlFor={controlId('id')}>
        <input
          id={controlId('id')}
          className="input builder-id-input"
          value={draft.id}
          readOnly={readOnly || !idEditable}
          maxLength={80}
          onChange={(event) => onEdit({ id: event.target.value })}
          title={idEditable ? '汉字、字母、数字、下划线、点和减号' : '已保存的指标不能修改编号'}
          data-testid="builder-id"
        />
        <FieldProblems problems={placed.get('id')} path="id" />
      </FormRow>
      <FormRow label="指标名称" htmlFor={controlId('name')}>
        <input
          id={controlId('name')}
          className="input"
          value={draft.name}
          readOnly={readOnly}
          maxLength={60}
          placeholder="例如：不捕率"
          onChange={(event) => onEdit({ name: event.target.value })}
          aria-invalid={placed.has('name')}
          data-testid="builder-name"
        />
        <FieldProblems problems={placed.get('name')} path="name" />
      </FormRow>
      <FormRow label="说明" htmlFor={controlId('description')}>
        <textarea
          id={controlId('description')}
          className="input"
          rows={2}
          value={draft.description}
          readOnly={readOnly}
          maxLength={2000}
          placeholder="指标的含义、计算口径的来源（如《案件质量主要评价指标》）"
          onChange={(event) => onEdit({ description: event.target.value })}
          data-testid="builder-description"
        />
        <FieldProblems problems={placed.get('description')} path="description" />
      </FormRow>
      <FormRow label="主题" htmlFor={controlId('theme')}>
        <input
          id={controlId('theme')}
          className="input builder-theme-input"
          value={draft.theme}
          readOnly={readOnly}
          maxLength={30}
          list="builder-themes"
          placeholder="例如：审查逮捕"
          onChange={(event) => onEdit({ theme: event.target.value })}
          data-testid="builder-theme"
        />
        <datalist id="builder-themes">
          {themes.map((theme) => (
            <option key={theme} value={theme} />
          ))}
        </datalist>
        <FieldProblems problems={placed.get('theme')} path="theme" />
      </FormRow>
      <FormRow label="标签">
        <TagInput tags={draft.tags} onChange={readOnly ? null : (tags) => onEdit({ tags })} />
        <FieldProblems problems={placed.get('tags')} path="tags" />
      </FormRow>
      <FormRow label="指标方向">
        <div className="inline-options" id={controlId('direction')} tabIndex={-1}>
          {DIRECTIONS.map((direction) => (
            <label key={direction} title={DIRECTION_HINTS[direction]}>
              <input
                type="radio"
                name="builder-direction"
                checked={draft.direction === direction}
                disabled={readOnly}
                onChange={() => onEdit({ direction })}
                data-testid={`builder-direction-${direction}`}
              />
              {DIRECTION_NAMES[direction]}
            </label>
          ))}
          <span className="muted small">{DIRECTION_HINTS[draft.direction]}</span>
        </div>
        <FieldProblems problems={placed.get('direction')} path="direction" />
      </FormRow>
      <FormRow label="显示">
        <div className="inline-options">
          <label>
            单位
            <select
              id={controlId('unit')}
              className="select small"
              value={draft.unit}
              disabled={readOnly}
              onChange={(event) => onEdit({ unit: event.target.value as IndicatorDefinition['unit'] })}
              data-testid="builder-unit"
            >
              {DISPLAY_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {unit}
                </option>
              ))}
            </select>
          </label>
          <label>
            小数位数
            <select
              id={controlId('precision')}
              className="select small"
              value={draft.precision}
              disabled={readOnly}
              onChange={(event) => onEdit({ precision: Number(event.target.value) })}
              data-testid="builder-precision"
            >
              {[0, 1, 2, 3, 4].map((digits) => (
                <option key={digits} value={digits}>
                  {digits}
                </option>
              ))}
            </select>
          </label>
          <span className="muted small">{unitHint(draft.unit)}</span>
        </div>
        <FieldProblems problems={placed.get('unit')} path="unit" />
        <FieldProblems problems={placed.get('precision')} path="precision" />
      </FormRow>
    </div>
  )
}

function unitHint(unit: IndicatorDefinition['unit']): string {
  if (unit === '%') return '比率乘以 100 显示，如 0.1234 → 12.34%'
  if (unit === '‰') return '比率乘以 1000 显示'
  if (unit === '比值') return '比值原样显示'
  return `公式结果即为${unit}数`
}

/** Tags as removable chips; typing a name and pressing Enter (or 、 , ；) adds it. */
function TagInput({
  tags,
  onChange,
}: {
  tags: readonly string[]
  onChange: ((tags: string[]) => void) | null
}) {
  const [text, setText] = useState('')
  const add = () => {
    if (!onChange) return
    const names = text
      .split(/[,，、;；\s]+/)
      .map((name) => name.trim())
      .filter((name) => name !== '' && !tags.includes(name))
    if (names.length > 0) onChange([...tags, ...new Set(names)].slice(0, 20))
    setText('')
  }
  return (
    <div
      className="conflict-fields builder-tags"
      id={controlId('tags')}
      tabIndex={-1}
      data-testid="builder-tags"
    >
      {tags.length === 0 && !onChange && <span className="muted small">无</span>}
      {tags.map((tag) => (
        <span key={tag} className="chip on">
          {tag}
          {onChange && (
            <button
              type="button"
              className="chip-remove"
              aria-label={`移除标签 ${tag}`}
              onClick={() => onChange(tags.filter((t) => t !== tag))}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {onChange && (
        <input
          className="input small"
          placeholder="输入标签后回车"
          value={text}
          maxLength={30}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              add()
            }
          }}
          onBlur={add}
          data-testid="builder-tag-input"
        />
      )}
    </div>
  )
}
