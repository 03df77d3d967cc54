/**
 * A measure's filter: chips (field + operator + value, combined with 且) while the filter is a plain
 * chain of such predicates over known fields, else the raw expression. The filter text is the one
 * source of truth; the chips are read from it on every render and written back as text.
 */
import { useState } from 'react'
import type { DatasetField } from '../../../../../shared/ipc/contract.ts'
import type { ValidationProblem } from '../../../../../shared/ipc/indicator-contract.ts'
import {
  chipComplete,
  chipLabel,
  chipsToExpression,
  expressionToChips,
  operatorLabel,
  operatorsFor,
  valueArity,
} from './filterChips.ts'
import type { ChipOperator, FilterChip } from './filterChips.ts'
import { FieldProblems } from './FieldProblems.tsx'

const TYPE_NAMES: Record<string, string> = {
  integer: '整数',
  decimal: '数值',
  date: '日期',
  boolean: '是/否',
  text: '文本',
  code: '代码',
  set: '多值',
}

interface FilterEditorProps {
  value: string
  onChange: (text: string) => void
  /** The dataset's fields; null when it is not imported (only the raw expression then). */
  fields: readonly DatasetField[] | null
  readOnly: boolean
  path: string
  controlId: string
  problems: readonly ValidationProblem[] | undefined
}

export function FilterEditor({
  value,
  onChange,
  fields,
  readOnly,
  path,
  controlId,
  problems,
}: FilterEditorProps) {
  const [raw, setRaw] = useState(false)
  /** The chip being edited: its index, or -1 for a new one; null when none. */
  const [editing, setEditing] = useState<number | null>(null)
  const chips = fields === null ? null : expressionToChips(value, fields)
  const chipMode = !raw && chips !== null

  const replace = (next: readonly FilterChip[]) => onChange(chipsToExpression(next))

  return (
    <div className="filter-editor" data-testid="filter-editor" data-mode={chipMode ? 'chips' : 'expression'}>
      {chipMode && fields !== null && (
        <div className="filter-chips" id={controlId} tabIndex={-1}>
          {chips.length === 0 && editing === null && (
            <span className="muted small">全部记录（无筛选条件）</span>
          )}
          {chips.map((chip, index) => (
            <span key={index} className="filter-chip-wrap">
              {index > 0 && <span className="filter-and">且</span>}
              <span
                className={`chip on filter-chip${editing === index ? ' editing' : ''}`}
                data-testid="filter-chip"
              >
                <button
                  type="button"
                  className="filter-chip-label"
                  disabled={readOnly}
                  title="点击修改"
                  onClick={() => setEditing(index)}
                >
                  {chipLabel(chip)}
                </button>
                {!readOnly && (
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={`移除条件 ${chipLabel(chip)}`}
                    onClick={() => {
                      setEditing(null)
                      replace(chips.filter((_, i) => i !== index))
                    }}
                    data-testid="chip-remove"
                  >
                    ×
                  </button>
                )}
              </span>
            </span>
          ))}
          {!readOnly && editing === null && (
            <button
              type="button"
              className="chip filter-add"
              onClick={() => setEditing(-1)}
              data-testid="chip-add"
            >
              ＋ 条件
            </button>
          )}
          {!readOnly && (
            <button
              type="button"
              className="button link small filter-mode"
              onClick={() => {
                setEditing(null)
                setRaw(true)
              }}
              data-testid="filter-raw"
            >
              改为表达式
            </button>
          )}
        </div>
      )}
      {chipMode && fields !== null && editing !== null && (
        <ChipForm
          key={editing}
          fields={fields}
          initial={editing >= 0 ? chips[editing] : null}
          onCancel={() => setEditing(null)}
          onConfirm={(chip) => {
            replace(editing >= 0 ? chips.map((c, i) => (i === editing ? chip : c)) : [...chips, chip])
            setEditing(null)
          }}
        />
      )}
      {!chipMode && (
        <div className="filter-raw">
          <textarea
            id={controlId}
            className="input filter-expression"
            rows={2}
            value={value}
            readOnly={readOnly}
            spellCheck={false}
            maxLength={4000}
            placeholder="留空表示全部记录；例如：审结处理结果 = '不批准逮捕' 且 是否未成年人 = 是"
            onChange={(event) => onChange(event.target.value)}
            aria-label="筛选条件"
            data-testid="filter-expression"
          />
          <div className="filter-raw-tools">
            {fields === null && (
              <span className="muted small">该数据尚未导入，无法列出字段，请直接书写表达式。</span>
            )}
            {fields !== null && chips === null && (
              <span className="muted small">此条件含有“或”、函数等写法，只能以表达式编辑。</span>
            )}
            {!readOnly && fields !== null && chips !== null && (
              <button
                type="button"
                className="button link small"
                onClick={() => setRaw(false)}
                data-testid="filter-chips"
              >
                改为条件块
              </button>
            )}
          </div>
        </div>
      )}
      <FieldProblems problems={problems} path={path} />
    </div>
  )
}

interface ChipFormProps {
  fields: readonly DatasetField[]
  initial: FilterChip | null
  onConfirm: (chip: FilterChip) => void
  onCancel: () => void
}

/** Editing one chip: the field, then an operator its type offers, then the value(s) from its value set. */
function ChipForm({ fields, initial, onConfirm, onCancel }: ChipFormProps) {
  const [chip, setChip] = useState<FilterChip>(
    () => initial ?? { field: '', type: 'text', op: 'eq', values: [] },
  )
  const field = fields.find((f) => f.name === chip.field)
  const operators = field ? operatorsFor(field.type) : []
  const choose = (name: string) => {
    const next = fields.find((f) => f.name === name)
    if (!next) return setChip({ field: '', type: 'text', op: 'eq', values: [] })
    const ops = operatorsFor(next.type)
    const op = ops.includes(chip.op) ? chip.op : ops[0]
    setChip({ field: next.name, type: next.type, op, values: next.type === 'boolean' ? ['是'] : [] })
  }
  const setOp = (op: ChipOperator) => {
    const values =
      valueArity(op) === 'none' ? [] : valueArity(op) === 'one' ? chip.values.slice(0, 1) : chip.values
    setChip({ ...chip, op, values: chip.type === 'boolean' && values.length === 0 ? ['是'] : values })
  }
  const ready = field !== undefined && chipComplete(chip)
  return (
    <div className="chip-form" data-testid="chip-form">
      <select
        className="select small chip-field"
        value={chip.field}
        onChange={(event) => choose(event.target.value)}
        aria-label="字段"
        data-testid="chip-field"
      >
        <option value="">选择字段…</option>
        {fields.map((f) => (
          <option key={f.name} value={f.name}>
            {f.name}（{TYPE_NAMES[f.type] ?? f.type}）
          </option>
        ))}
      </select>
      {field && (
        <select
          className="select small"
          value={chip.op}
          onChange={(event) => setOp(event.target.value as ChipOperator)}
          aria-label="运算"
          data-testid="chip-op"
        >
          {operators.map((op) => (
            <option key={op} value={op}>
              {operatorLabel(op, field.type)}
            </option>
          ))}
        </select>
      )}
      {field && valueArity(chip.op) !== 'none' && (
        <ChipValues field={field} chip={chip} onChange={(values) => setChip({ ...chip, values })} />
      )}
      <span className="chip-form-actions">
        <button
          type="button"
          className="button small primary"
          disabled={!ready}
          onClick={() => onConfirm(chip)}
          data-testid="chip-confirm"
        >
          确定
        </button>
        <button type="button" className="button small" onClick={onCancel} data-testid="chip-cancel">
          取消
        </button>
      </span>
    </div>
  )
}

/** The value control for the field's type: 是/否, a date, a number, one or several of its value set, or text. */
function ChipValues({
  field,
  chip,
  onChange,
}: {
  field: DatasetField
  chip: FilterChip
  onChange: (values: string[]) => void
}) {
  const many = valueArity(chip.op) === 'many'
  const known = field.values ?? []
  const first = chip.values[0] ?? ''
  if (field.type === 'boolean') {
    return (
      <select
        className="select small"
        value={first}
        onChange={(event) => onChange([event.target.value])}
        aria-label="取值"
        data-testid="chip-value"
      >
        <option value="是">是</option>
        <option value="否">否</option>
      </select>
    )
  }
  if (field.type === 'date' || field.type === 'integer' || field.type === 'decimal') {
    return (
      <input
        className="input small chip-value-input"
        type={field.type === 'date' ? 'date' : 'text'}
        inputMode={field.type === 'date' ? undefined : 'decimal'}
        value={first}
        placeholder={field.type === 'date' ? '' : '数字'}
        onChange={(event) => onChange(event.target.value === '' ? [] : [event.target.value])}
        aria-label="取值"
        data-testid="chip-value"
      />
    )
  }
  if (known.length > 0 && many) {
    return (
      <span className="chip-value-options" data-testid="chip-value">
        {known.map((value) => (
          <label key={value}>
            <input
              type="checkbox"
              checked={chip.values.includes(value)}
              onChange={() =>
                onChange(
                  chip.values.includes(value)
                    ? chip.values.filter((v) => v !== value)
                    : [...chip.values, value],
                )
              }
              data-testid={`chip-value-${value}`}
            />
            {value}
          </label>
        ))}
      </span>
    )
  }
  if (known.length > 0) {
    return (
      <select
        className="select small"
        value={first}
        onChange={(event) => onChange(event.target.value === '' ? [] : [event.target.value])}
        aria-label="取值"
        data-testid="chip-value"
      >
        <option value="">选择取值…</option>
        {known.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
        {first !== '' && !known.includes(first) && <option value={first}>{first}</option>}
      </select>
    )
  }
  return <FreeValues key={chip.op} many={many} values={chip.values} onChange={onChange} />
}

/**
 * Values typed by hand (no value set): the text is kept as typed, so “甲、” can go on to “甲、乙”;
 * several values are separated by 、 or commas.
 */
function FreeValues({
  many,
  values,
  onChange,
}: {
  many: boolean
  values: readonly string[]
  onChange: (values: string[]) => void
}) {
  const [text, setText] = useState(values.join('、'))
  return (
    <input
      className="input small chip-value-input"
      value={text}
      placeholder={many ? '多个取值用、分隔' : '取值'}
      onChange={(event) => {
        const typed = event.target.value
        setText(typed)
        onChange(many ? typed.split(/[、,，]/).filter((v) => v !== '') : typed === '' ? [] : [typed])
      }}
      aria-label="取值"
      data-testid="chip-value"
    />
  )
}
