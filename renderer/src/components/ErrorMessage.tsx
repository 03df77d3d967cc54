/** An engine error in red, with file/row/column when the engine gave them. */
import type { EngineErrorData } from '../../../shared/ipc/envelope.ts'
import { describeError } from '../api/errors.ts'

export function ErrorMessage({
  error,
  onRetry,
}: {
  error: EngineErrorData | undefined | null
  onRetry?: () => void
}) {
  if (!error) return null
  return (
    <div className="error-message" role="alert" data-testid="error-message" data-code={error.code}>
      <span>{describeError(error)}</span>
      {onRetry && (
        <button type="button" className="button link" onClick={onRetry}>
          重试
        </button>
      )}
    </div>
  )
}
