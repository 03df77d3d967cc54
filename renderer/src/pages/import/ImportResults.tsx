/** The outcome of the last import, one card per file, with its cell problems collapsible. */
import type { ImportFileResult, ImportResult } from '../../../../shared/ipc/contract.ts'
import { formatIssue } from '../../format/issue.ts'
import { kindName } from '../../format/kind.ts'
import { formatCount } from '../../format/numbers.ts'

export function ImportResults({ result }: { result: ImportResult }) {
  return (
    <div className="import-results" data-testid="import-result">
      {result.imports.map((file) => (
        <FileResult key={`${file.batchId}-${file.file}`} result={file} />
      ))}
    </div>
  )
}

/** Thousands of list items would make the page sluggish; the batch's error dialog pages through all. */
const SHOWN_ISSUES = 300

const COUNTS = [
  ['rows', '读取行数'],
  ['inserted', '新增'],
  ['updated', '更新'],
  ['unchanged', '未变'],
  ['rejected', '拒绝'],
] as const

function FileResult({ result }: { result: ImportFileResult }) {
  return (
    <article className="result-card" data-testid="import-result-file">
      <header className="result-header">
        <span className="result-ok" aria-hidden="true">
          ✓
        </span>
        <strong className="result-file">{result.file}</strong>
        <span className="badge">{kindName(result.kind)}</span>
        <span className="muted">
          导入数据集
          <a href={`#/dataset/${result.datasetId}`}>「{result.dataset}」</a>
        </span>
      </header>
      <dl className="counts">
        {COUNTS.map(([key, label]) => (
          <div key={key} className={key === 'rejected' && result.rejected > 0 ? 'count warn' : 'count'}>
            <dt>{label}</dt>
            <dd data-testid={`result-${key}`}>{formatCount(result[key])}</dd>
          </div>
        ))}
      </dl>
      {result.notes.length > 0 && (
        <ul className="notes">
          {result.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {result.errors.length > 0 && (
        <details className="issues">
          <summary>单元格问题（{formatCount(result.errors.length)}）</summary>
          <ol className="issue-list">
            {result.errors.slice(0, SHOWN_ISSUES).map((issue, index) => (
              <li key={index}>{formatIssue(issue)}</li>
            ))}
          </ol>
          {result.errors.length > SHOWN_ISSUES && (
            <p className="muted small">仅显示前 {SHOWN_ISSUES} 条，完整列表请在下方“导入批次”中查看。</p>
          )}
        </details>
      )}
    </article>
  )
}
