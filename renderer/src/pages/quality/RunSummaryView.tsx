/** What the last 运行核查 did: rules, records, flags (new, rectified) and rules that did not run, and why. */
import type { RunSummary } from '../../../../shared/ipc/quality-contract.ts'
import { formatCount } from '../../format/numbers.ts'
import { formatRunSummary } from './qualityText.ts'

interface RunSummaryViewProps {
  summary: RunSummary
  ruleNames: ReadonlyMap<string, string>
  onClose: () => void
}

export function RunSummaryView({ summary, ruleNames, onClose }: RunSummaryViewProps) {
  const text = formatRunSummary(summary, ruleNames)
  return (
    <div
      className="notice run-summary"
      role="status"
      data-testid="quality-run-summary"
      data-flags={summary.flags}
      data-new={summary.newFlags}
    >
      <div className="run-summary-head">
        <span>{text.headline}</span>
        <button type="button" className="icon-button" aria-label="关闭" onClick={onClose}>
          ×
        </button>
      </div>
      {text.skipped.length > 0 && (
        <details className="run-skipped" open={text.skipped.length <= 3}>
          <summary>有 {formatCount(text.skipped.length)} 条规则未运行</summary>
          <ul>
            {text.skipped.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
