/**
 * The state of the live check: the builder's own problems or the engine's, each with where it is
 * (clicking one focuses that control), or that the definition is valid.
 */
import type { ValidationProblem } from '../../../../../shared/ipc/indicator-contract.ts'
import type { IndicatorDefinition } from '../../../../../shared/indicators/model.ts'
import { ErrorMessage } from '../../../components/ErrorMessage.tsx'
import type { CheckState } from './builderCheck.ts'
import { controlId, pathLabel } from './problems.ts'

interface ProblemListProps {
  check: CheckState
  definition: IndicatorDefinition
  /** Where each problem is shown in the form ('' when no control takes it). */
  placedAt: (problem: ValidationProblem) => string
  textError: string | null
}

export function ProblemList({ check, definition, placedAt, textError }: ProblemListProps) {
  const problems = check.status === 'local' || check.status === 'invalid' ? check.problems : []
  const focus = (problem: ValidationProblem) => {
    const at = placedAt(problem)
    const element = at === '' ? null : document.getElementById(controlId(at))
    if (element) {
      element.scrollIntoView({ block: 'center' })
      element.focus()
    }
  }
  return (
    <div
      className={`validation-panel builder-problems ${check.status}`}
      data-testid="builder-problems"
      data-state={check.status}
      data-count={problems.length}
    >
      {textError && <p className="builder-problems-text">文本视图有误，表单保持上次有效的内容。</p>}
      {check.status === 'checking' && <span className="muted">正在检查…</span>}
      {check.status === 'failed' && <ErrorMessage error={check.error} />}
      {check.status === 'ok' && <span className="validation-ok">✓ 指标定义有效。</span>}
      {problems.length > 0 && (
        <ul className="validation-list">
          {problems.map((problem, index) => (
            <li key={index}>
              <button
                type="button"
                className="button link validation-jump"
                title="定位到出错的位置"
                onClick={() => focus(problem)}
              >
                {pathLabel(problem.path, definition)}：{problem.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
