/**
 * One block of a section: a card with its type, id and summary (↑ ↓ 删除), opened to edit its text
 * and placeholders, conditional phrasings, indicators and options. Problems of the live check show
 * beside the control they concern; a closed card counts them.
 */
import { useContext, useRef } from 'react'
import type { IndicatorSummary } from '../../../../../shared/ipc/indicator-contract.ts'
import {
  CONDITION_TEST_NAMES,
  problemThresholdsSchema,
  TABLE_COLUMNS,
  type Block,
  type BlockOf,
  type Condition,
  type ProblemThresholds,
} from '../../../../../shared/reports/template.ts'
import { CheckField, Field, NumberField, SelectField, TextAreaField, TextField } from './Controls.tsx'
import {
  blockSummary,
  blockTypeName,
  COMPARISON_NAMES,
  COMPOSITION_BY_NAMES,
  FLAG_CHART_BY_NAMES,
  FLAG_TABLE_BY_NAMES,
  NARRATIVE_PERIOD_NAMES,
  NARRATIVE_UNIT_NAMES,
  PROBLEM_SCOPE_NAMES,
  TABLE_COLUMN_NAMES,
  TESTS_WITH_VALUE,
  UNIT_SET_NAMES,
} from './editorText.ts'
import { IndicatorList, IndicatorSelect } from './IndicatorPicker.tsx'
import { PlaceholderInserter } from './PlaceholderInserter.tsx'
import { FieldProblems, ReadOnlyContext } from './ProblemsContext.tsx'
import { insertAt, move } from './templateDraft.ts'
import { controlId } from './templateProblems.ts'

interface BlockEditorProps {
  block: Block
  /** 'sections.0.blocks.2' */
  path: string
  indicators: readonly IndicatorSummary[]
  open: boolean
  problemCount: number
  isFirst: boolean
  isLast: boolean
  onToggle: () => void
  onChange: (block: Block) => void
  onMove: (delta: number) => void
  onRemove: () => void
}

export function BlockEditor(props: BlockEditorProps) {
  const { block, path, open, problemCount, isFirst, isLast, onToggle, onMove, onRemove } = props
  const readOnly = useContext(ReadOnlyContext)
  return (
    <li
      className={`tpl-block${open ? ' open' : ''}${problemCount > 0 ? ' has-problems' : ''}`}
      data-testid={`template-block-${block.id ?? path}`}
      data-type={block.type}
    >
      <header className="tpl-block-header">
        <button
          type="button"
          className="tpl-block-toggle"
          onClick={onToggle}
          aria-expanded={open}
          data-testid="template-block-toggle"
        >
          <span className="tpl-caret" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span className="badge">{blockTypeName(block)}</span>
          <span className="tpl-block-summary">{blockSummary(block)}</span>
          {problemCount > 0 && <span className="tpl-problem-count">{problemCount} 处问题</span>}
        </button>
        {!readOnly && (
          <span className="tpl-block-actions">
            <button
              type="button"
              className="icon-button"
              title="上移"
              aria-label="上移"
              disabled={isFirst}
              onClick={() => onMove(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              title="下移"
              aria-label="下移"
              disabled={isLast}
              onClick={() => onMove(1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="icon-button danger"
              title="删除此块"
              aria-label="删除此块"
              onClick={onRemove}
              data-testid="template-block-remove"
            >
              ×
            </button>
          </span>
        )}
      </header>
      {open && (
        <fieldset className="tpl-fieldset tpl-block-body" disabled={readOnly}>
          <FieldProblems path={path} />
          {block.type !== 'pageBreak' && (
            <TextField
              label="编号"
              path={`${path}.id`}
              value={block.id}
              onChange={(id) => props.onChange({ ...block, id })}
              hint={block.type === 'narrative' ? '段落修改按编号保存，改动编号会使已有的修改失效' : undefined}
              testId="block-id"
            />
          )}
          <BlockFields {...props} />
        </fieldset>
      )}
    </li>
  )
}

function BlockFields({ block, path, indicators, onChange }: BlockEditorProps) {
  const title = (b: Extract<Block, { title: string }>) => (
    <TextField
      label="标题"
      path={`${path}.title`}
      value={b.title}
      onChange={(value) => onChange({ ...b, title: value })}
      hint="可用 {单位简称}、{期间}、{下级单位} 等占位符"
      testId="block-title"
    />
  )
  const note = (b: Extract<Block, { type: 'indicatorTable' | 'unitTable' | 'flagTable' }>) => (
    <TextField
      label="表注"
      path={`${path}.note`}
      value={b.note}
      onChange={(value) => onChange({ ...b, note: value === '' ? undefined : value })}
      placeholder="（可选）写在表格下方"
    />
  )
  const list = (
    field: 'indicators',
    value: readonly string[],
    max: number,
    set: (names: string[]) => void,
    label = '指标',
  ) => (
    <Field label={label} path={`${path}.${field}`}>
      <IndicatorList
        id={controlId(`${path}.${field}`)}
        indicators={indicators}
        value={value}
        max={max}
        onChange={set}
        testId="block-indicators"
      />
    </Field>
  )

  switch (block.type) {
    case 'narrative':
      return <NarrativeFields block={block} path={path} indicators={indicators} onChange={onChange} />
    case 'indicatorTable':
      return (
        <>
          {title(block)}
          {list('indicators', block.indicators, 80, (indicators) => onChange({ ...block, indicators }))}
          <Field label="列" path={`${path}.columns`}>
            <div className="tpl-checks" id={controlId(`${path}.columns`)}>
              {TABLE_COLUMNS.map((column) => (
                <label key={column} className="tpl-check">
                  <input
                    type="checkbox"
                    checked={block.columns.includes(column)}
                    onChange={(event) =>
                      onChange({
                        ...block,
                        columns: event.target.checked
                          ? TABLE_COLUMNS.filter((c) => c === column || block.columns.includes(c))
                          : block.columns.filter((c) => c !== column),
                      })
                    }
                  />
                  {TABLE_COLUMN_NAMES[column]}
                </label>
              ))}
            </div>
          </Field>
          {note(block)}
        </>
      )
    case 'unitTable':
      return (
        <>
          {title(block)}
          {list('indicators', block.indicators, 8, (indicators) => onChange({ ...block, indicators }))}
          <SelectField
            label="单位范围"
            path={`${path}.units`}
            value={block.units}
            options={UNIT_SET_NAMES}
            onChange={(units) => onChange({ ...block, units })}
          />
          <Field label="排序指标" path={`${path}.sortBy`}>
            <IndicatorSelect
              id={controlId(`${path}.sortBy`)}
              indicators={indicators}
              value={block.sortBy}
              emptyLabel="按单位编码排列"
              onChange={(sortBy) => onChange({ ...block, sortBy })}
            />
          </Field>
          <CheckField
            label="合计行"
            path={`${path}.total`}
            checked={block.total}
            onChange={(total) => onChange({ ...block, total })}
            text="末行列出本单位（全市 / 全省）"
          />
          {note(block)}
        </>
      )
    case 'flagTable':
      return (
        <>
          {title(block)}
          <SelectField
            label="分组"
            path={`${path}.by`}
            value={block.by}
            options={FLAG_TABLE_BY_NAMES}
            onChange={(by) => onChange({ ...block, by })}
          />
          <NumberField
            label="最多行数"
            path={`${path}.limit`}
            value={block.limit}
            min={1}
            max={200}
            onChange={(limit) => onChange({ ...block, limit: limit ?? 20 })}
          />
          {note(block)}
        </>
      )
    case 'trendChart':
      return (
        <>
          {title(block)}
          {list('indicators', block.indicators, 4, (indicators) => onChange({ ...block, indicators }))}
          <NumberField
            label="月数"
            path={`${path}.months`}
            value={block.months}
            min={3}
            max={60}
            onChange={(months) => onChange({ ...block, months: months ?? 12 })}
            hint="截至报告期末的月数（3–60）"
          />
          <CheckField
            label="去年同期"
            path={`${path}.lastYear`}
            checked={block.lastYear}
            onChange={(lastYear) => onChange({ ...block, lastYear })}
            text="只有一个指标时，叠加去年同期的曲线"
          />
        </>
      )
    case 'rankingChart':
      return (
        <>
          {title(block)}
          <Field label="指标" path={`${path}.indicator`}>
            <IndicatorSelect
              id={controlId(`${path}.indicator`)}
              indicators={indicators}
              value={block.indicator}
              onChange={(indicator) => onChange({ ...block, indicator: indicator ?? '' })}
            />
          </Field>
          <SelectField
            label="单位范围"
            path={`${path}.units`}
            value={block.units}
            options={UNIT_SET_NAMES}
            onChange={(units) => onChange({ ...block, units })}
          />
        </>
      )
    case 'compositionChart':
      return (
        <>
          {title(block)}
          {list(
            'indicators',
            block.indicators,
            8,
            (indicators) => onChange({ ...block, indicators }),
            '组成部分',
          )}
          <SelectField
            label="图形"
            path={`${path}.by`}
            value={block.by}
            options={COMPOSITION_BY_NAMES}
            onChange={(by) => onChange({ ...block, by })}
          />
          {block.by === 'units' && (
            <SelectField
              label="单位范围"
              path={`${path}.units`}
              value={block.units}
              options={UNIT_SET_NAMES}
              onChange={(units) => onChange({ ...block, units })}
            />
          )}
        </>
      )
    case 'profileChart':
      return (
        <>
          {title(block)}
          {list('indicators', block.indicators, 8, (indicators) => onChange({ ...block, indicators }))}
        </>
      )
    case 'flagChart':
      return (
        <>
          {title(block)}
          <SelectField
            label="分组"
            path={`${path}.by`}
            value={block.by}
            options={FLAG_CHART_BY_NAMES}
            onChange={(by) => onChange({ ...block, by })}
          />
          <NumberField
            label="最多项数"
            path={`${path}.limit`}
            value={block.limit}
            min={1}
            max={40}
            onChange={(limit) => onChange({ ...block, limit: limit ?? 15 })}
          />
        </>
      )
    case 'problems':
      return <ProblemsFields block={block} path={path} indicators={indicators} onChange={onChange} />
    case 'suggestions':
      return <SuggestionsFields block={block} path={path} onChange={onChange} />
    case 'pageBreak':
      return <p className="muted small">其后的内容从新的一页开始。</p>
  }
}

function NarrativeFields({
  block,
  path,
  indicators,
  onChange,
}: {
  block: BlockOf<'narrative'>
  path: string
  indicators: readonly IndicatorSummary[]
  onChange: (block: Block) => void
}) {
  const textPath = `${path}.text`
  const box = useRef<HTMLTextAreaElement>(null)
  const insert = (placeholder: string) => {
    const element = box.current
    const start = element?.selectionStart ?? block.text.length
    const end = element?.selectionEnd ?? start
    onChange({ ...block, text: insertAt(block.text, placeholder, start, end) })
    requestAnimationFrame(() => {
      if (!element) return
      element.focus()
      element.setSelectionRange(start + placeholder.length, start + placeholder.length)
    })
  }
  const cases = block.cases ?? []
  const setCases = (next: NonNullable<BlockOf<'narrative'>['cases']>) =>
    onChange({ ...block, cases: next.length === 0 ? undefined : next })

  return (
    <>
      <Field
        label="文字"
        path={textPath}
        hint="换行另起一段。占位符取不到数值时，所在分句（或整句）自动略去。"
      >
        <textarea
          ref={box}
          id={controlId(textPath)}
          className="input tpl-textarea"
          value={block.text}
          rows={Math.max(3, Math.ceil(block.text.length / 60))}
          onChange={(event) => onChange({ ...block, text: event.target.value })}
          data-testid="block-text"
        />
        <PlaceholderInserter indicators={indicators} onInsert={insert} />
      </Field>
      <SelectField
        label="数据单位"
        path={`${path}.unit`}
        value={block.unit}
        options={NARRATIVE_UNIT_NAMES}
        onChange={(unit) => onChange({ ...block, unit })}
      />
      <SelectField
        label="数据期间"
        path={`${path}.period`}
        value={block.period}
        options={NARRATIVE_PERIOD_NAMES}
        onChange={(period) => onChange({ ...block, period })}
      />
      <Field
        label="条件句式"
        path={`${path}.cases`}
        hint="按顺序判断，第一条条件全部成立的句式替代上面的文字；都不成立时用上面的文字。"
      >
        <ol className="tpl-cases" id={controlId(`${path}.cases`)}>
          {cases.map((item, j) => {
            const casePath = `${path}.cases.${j}`
            return (
              <li key={j} className="tpl-case" data-testid="template-case">
                <FieldProblems path={casePath} />
                <div className="tpl-case-head">
                  <span className="field-label">当以下条件全部成立时：</span>
                  <button
                    type="button"
                    className="button link small danger"
                    onClick={() => setCases(cases.filter((_, i) => i !== j))}
                  >
                    删除此句式
                  </button>
                </div>
                <ConditionsEditor
                  path={`${casePath}.when`}
                  conditions={item.when}
                  indicators={indicators}
                  onChange={(when) => setCases(cases.map((c, i) => (i === j ? { ...c, when } : c)))}
                />
                <TextAreaField
                  label="句式"
                  path={`${casePath}.text`}
                  value={item.text}
                  onChange={(text) => setCases(cases.map((c, i) => (i === j ? { ...c, text } : c)))}
                  rows={2}
                />
              </li>
            )
          })}
        </ol>
        {cases.length < 10 && (
          <button
            type="button"
            className="button small"
            onClick={() =>
              setCases([
                ...cases,
                {
                  when: [{ indicator: indicators[0]?.name ?? '不捕率', test: 'rises', comparison: 'yoy' }],
                  text: block.text,
                },
              ])
            }
            data-testid="template-add-case"
          >
            ＋ 添加条件句式
          </button>
        )}
      </Field>
    </>
  )
}

function ConditionsEditor({
  path,
  conditions,
  indicators,
  onChange,
}: {
  path: string
  conditions: readonly Condition[]
  indicators: readonly IndicatorSummary[]
  onChange: (conditions: Condition[]) => void
}) {
  const set = (index: number, patch: Partial<Condition>) =>
    onChange(conditions.map((c, i) => (i === index ? { ...c, ...patch } : c)))
  return (
    <div className="tpl-conditions" id={controlId(path)}>
      <FieldProblems path={path} />
      {conditions.map((condition, k) => (
        <div key={k} className="tpl-condition" id={controlId(`${path}.${k}`)}>
          <IndicatorSelect
            indicators={indicators}
            value={condition.indicator}
            onChange={(indicator) => set(k, { indicator: indicator ?? '' })}
          />
          <select
            className="select small"
            value={condition.comparison}
            onChange={(event) => set(k, { comparison: event.target.value as Condition['comparison'] })}
            aria-label="比较"
          >
            {(Object.keys(COMPARISON_NAMES) as Condition['comparison'][]).map((c) => (
              <option key={c} value={c}>
                {COMPARISON_NAMES[c]}
              </option>
            ))}
          </select>
          <select
            className="select small"
            value={condition.test}
            onChange={(event) => {
              const test = event.target.value as Condition['test']
              set(k, { test, value: TESTS_WITH_VALUE.includes(test) ? (condition.value ?? 0) : undefined })
            }}
            aria-label="判断"
          >
            {(Object.keys(CONDITION_TEST_NAMES) as Condition['test'][]).map((t) => (
              <option key={t} value={t}>
                {CONDITION_TEST_NAMES[t]}
              </option>
            ))}
          </select>
          {TESTS_WITH_VALUE.includes(condition.test) && (
            <input
              className="input small tpl-number"
              type="number"
              value={condition.value ?? ''}
              onChange={(event) =>
                set(k, { value: event.target.value === '' ? undefined : Number(event.target.value) })
              }
              aria-label="数值"
              title="变化：百分比或百分点（可为负）；数值：按指标的显示单位"
            />
          )}
          <button
            type="button"
            className="icon-button"
            aria-label="删除条件"
            title="删除条件"
            disabled={conditions.length <= 1}
            onClick={() => onChange(conditions.filter((_, i) => i !== k))}
          >
            ×
          </button>
          <FieldProblems path={`${path}.${k}`} />
        </div>
      ))}
      {conditions.length < 5 && (
        <button
          type="button"
          className="button link small"
          onClick={() => onChange([...conditions, { ...conditions[conditions.length - 1] }])}
        >
          ＋ 并且…
        </button>
      )}
    </div>
  )
}

/** The thresholds of 存在问题, in form order; a cleared input falls back to the template default. */
const THRESHOLD_FIELDS: {
  key: keyof ProblemThresholds
  label: string
  min: number
  max: number
  step?: number
  hint: string
}[] = [
  {
    key: 'countChange',
    label: '数量变化阈值',
    min: 0,
    max: 1000,
    hint: '件数、人数、天数同比变化超过此百分比（%）时列出',
  },
  {
    key: 'rateChange',
    label: '比率变化阈值',
    min: 0,
    max: 100,
    step: 0.5,
    hint: '比率同比变化超过此数（个百分点）时列出',
  },
  {
    key: 'sigma',
    label: '偏离倍数',
    min: 0.5,
    max: 5,
    step: 0.5,
    hint: '偏离同级平均超过此倍数的标准差时列出',
  },
  {
    key: 'minDenominator',
    label: '最小样本',
    min: 0,
    max: 10000,
    hint: '分母少于此数的比率注明“样本较少”',
  },
]
const THRESHOLD_DEFAULTS = problemThresholdsSchema.parse({})

function ProblemsFields({
  block,
  path,
  indicators,
  onChange,
}: {
  block: BlockOf<'problems'>
  path: string
  indicators: readonly IndicatorSummary[]
  onChange: (block: Block) => void
}) {
  const thresholds = block.thresholds
  return (
    <>
      <Field label="指标" path={`${path}.indicators`} hint="不选时检查模板其他部分用到的全部指标">
        <IndicatorList
          id={controlId(`${path}.indicators`)}
          indicators={indicators}
          value={block.indicators ?? []}
          max={80}
          onChange={(names) => onChange({ ...block, indicators: names.length === 0 ? undefined : names })}
        />
      </Field>
      <SelectField
        label="范围"
        path={`${path}.scope`}
        value={block.scope}
        options={PROBLEM_SCOPE_NAMES}
        onChange={(scope) => onChange({ ...block, scope })}
      />
      <NumberField
        label="最多条数"
        path={`${path}.limit`}
        value={block.limit}
        min={1}
        max={50}
        onChange={(limit) => onChange({ ...block, limit: limit ?? 8 })}
      />
      {THRESHOLD_FIELDS.map(({ key, ...field }) => (
        <NumberField
          key={key}
          {...field}
          path={`${path}.thresholds.${key}`}
          value={thresholds[key]}
          onChange={(value) =>
            onChange({ ...block, thresholds: { ...thresholds, [key]: value ?? THRESHOLD_DEFAULTS[key] } })
          }
        />
      ))}
      <TextAreaField
        label="无问题时"
        path={`${path}.empty`}
        value={block.empty}
        onChange={(empty) => onChange({ ...block, empty })}
        rows={2}
      />
    </>
  )
}

function SuggestionsFields({
  block,
  path,
  onChange,
}: {
  block: BlockOf<'suggestions'>
  path: string
  onChange: (block: Block) => void
}) {
  const general = block.general
  return (
    <>
      <NumberField
        label="最多条数"
        path={`${path}.limit`}
        value={block.limit}
        min={0}
        max={20}
        onChange={(limit) => onChange({ ...block, limit: limit ?? 6 })}
        hint="由“存在问题”生成的建议条数；0 为不生成"
      />
      <Field label="通用建议" path={`${path}.general`} hint="写在生成的建议之后，可用占位符">
        <ol className="tpl-general" id={controlId(`${path}.general`)}>
          {general.map((text, j) => (
            <li key={j}>
              <textarea
                id={controlId(`${path}.general.${j}`)}
                className="input tpl-textarea"
                value={text}
                rows={2}
                onChange={(event) =>
                  onChange({ ...block, general: general.map((t, i) => (i === j ? event.target.value : t)) })
                }
              />
              <span className="tpl-general-actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label="上移"
                  disabled={j === 0}
                  onClick={() => onChange({ ...block, general: move(general, j, -1) })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label="删除"
                  onClick={() => onChange({ ...block, general: general.filter((_, i) => i !== j) })}
                >
                  ×
                </button>
              </span>
              <FieldProblems path={`${path}.general.${j}`} />
            </li>
          ))}
        </ol>
        {general.length < 20 && (
          <button
            type="button"
            className="button small"
            onClick={() => onChange({ ...block, general: [...general, '加强……'] })}
          >
            ＋ 添加一段
          </button>
        )}
      </Field>
    </>
  )
}
