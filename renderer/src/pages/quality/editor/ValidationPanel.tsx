/**
 * The live check of the rule: the editor's own problems, or the engine's errors (in Chinese, with
 * their position; clicking one selects the offending text), or that the rule is valid.
 */
import { ErrorMessage } from '../../../components/ErrorMessage.tsx'
import type { CheckState } from './checkState.ts'

interface ValidationPanelProps {
  check: CheckState
  local: readonly string[]
  onJump: (offset: number, length: number) => void
}

export function ValidationPanel({ check, local, onJump }: ValidationPanelProps) {
  return (
    <div
      className={`validation-panel ${check.status}`}
      data-testid="rule-validation"
      data-state={check.status}
    >
      {check.status === 'local' && (
        <ul className="validation-list">
          {local.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {check.status === 'checking' && <span className="muted">正在检查…</span>}
      {check.status === 'failed' && <ErrorMessage error={check.error} />}
      {check.status === 'ok' && <span className="validation-ok">✓ 规则有效。</span>}
      {check.status === 'invalid' && (
        <ul className="validation-list">
          {check.validation.errors.map((error, index) => (
            <li key={index}>
              {error.offset === undefined ? (
                error.message
              ) : (
                <button
                  type="button"
                  className="button link validation-jump"
                  title="定位到出错位置"
                  onClick={() => onJump(error.offset ?? 0, error.length ?? 0)}
                >
                  {error.message}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
