/**
 * The 口径's formula: the numerator / denominator composer (pick measures for each side, summed with
 * +) and the formula text, which can also be written by hand (weights, differences, constants).
 * A top-level `/` makes the numerator and denominator every result reports.
 */
import type { ValidationProblem } from '../../../../../shared/ipc/indicator-contract.ts'
import { writtenName } from '../../../../../shared/expr/index.ts'
import { FieldProblems } from './FieldProblems.tsx'
import { composeFormula, decomposeFormula, formulaNames, toggleTerm } from './formulaComposer.ts'
import type { ComposedFormula } from './formulaComposer.ts'

interface FormulaEditorProps {
  formula: string
  measures: readonly string[]
  onChange: (formula: string) => void
  readOnly: boolean
  path: string
  controlId: string
  problems: readonly ValidationProblem[] | undefined
}

const SIDES: readonly { side: keyof ComposedFormula; label: string; hint: string }[] = [
  { side: 'numerator', label: '分子', hint: '选中的度量相加作为分子' },
  {
    side: 'denominator',
    label: '分母',
    hint: '选中的度量相加作为分母；不选则公式为分子本身（计数、平均等）',
  },
]

export function FormulaEditor({
  formula,
  measures,
  onChange,
  readOnly,
  path,
  controlId,
  problems,
}: FormulaEditorProps) {
  const composed = decomposeFormula(formula)
  const unknown = formulaNames(formula).filter((name) => !measures.includes(name))
  return (
    <div className="formula-editor">
      {composed === null ? (
        <p className="muted small formula-note">
          当前公式为手写形式（含系数、减法或函数等），请直接编辑下方公式。
          {!readOnly && (
            <button type="button" className="button link small" onClick={() => onChange('')}>
              清空并改用组合
            </button>
          )}
        </p>
      ) : (
        SIDES.map(({ side, label, hint }) => (
          <div key={side} className="formula-side" title={hint} data-testid={`formula-${side}`}>
            <span className="formula-side-label">{label}</span>
            {measures.length === 0 && <span className="muted small">先在上方添加度量</span>}
            {measures.map((name, index) => {
              const on = composed[side].includes(name)
              // A + between chosen measures, in the order they are shown.
              const plus = on && measures.slice(0, index).some((other) => composed[side].includes(other))
              return (
                <span key={name} className="formula-term">
                  {plus && <span className="formula-plus">+</span>}
                  <button
                    type="button"
                    className={on ? 'chip on' : 'chip'}
                    aria-pressed={on}
                    disabled={readOnly || (side === 'denominator' && composed.numerator.length === 0)}
                    onClick={() => onChange(composeFormula(toggleTerm(composed, side, name)))}
                    data-testid={`formula-${side === 'numerator' ? 'num' : 'den'}-${name}`}
                    data-index={index}
                  >
                    {name}
                  </button>
                </span>
              )
            })}
          </div>
        ))
      )}
      <div className="formula-text">
        <input
          id={controlId}
          className="input formula-input"
          value={formula}
          readOnly={readOnly}
          spellCheck={false}
          maxLength={2000}
          placeholder="例如：不捕人数 / (批捕人数 + 不捕人数)"
          onChange={(event) => onChange(event.target.value)}
          aria-label="公式"
          aria-invalid={problems !== undefined && problems.length > 0}
          data-testid="builder-formula"
        />
      </div>
      {!readOnly && measures.length > 0 && (
        <div className="formula-insert muted small">
          插入：
          {measures.map((name) => (
            <button
              key={name}
              type="button"
              className="button link small"
              onClick={() =>
                onChange(
                  formula.trim() === '' ? writtenName(name) : `${formula.trimEnd()} ${writtenName(name)}`,
                )
              }
            >
              {name}
            </button>
          ))}
          {['+', '-', '*', '/', '(', ')'].map((op) => (
            <button
              key={op}
              type="button"
              className="button link small"
              onClick={() => onChange(`${formula.trimEnd()} ${op}`.trimStart())}
            >
              {op}
            </button>
          ))}
        </div>
      )}
      {unknown.length > 0 && <p className="warn-text">公式中的 {unknown.join('、')} 不是本口径的度量。</p>}
      <FieldProblems problems={problems} path={path} />
    </div>
  )
}
