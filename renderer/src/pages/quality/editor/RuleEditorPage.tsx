/** `#/quality/rules/<id>` and `#/quality/rules/new`: loads the rule and the datasets, then the editor. */
import { useApiData } from '../../../api/useApiData.ts'
import { ErrorMessage } from '../../../components/ErrorMessage.tsx'
import { RuleEditor } from './RuleEditor.tsx'
import { ruleOf } from './ruleDraft.ts'

export function RuleEditorPage({ ruleId }: { ruleId: string | null }) {
  const rules = useApiData('rules/list', {})
  const datasets = useApiData('dataset/list', {})
  const summary = ruleId === null ? undefined : rules.data?.find((rule) => rule.id === ruleId)

  return (
    <div className="page rule-editor-page" data-testid="page-rule">
      <nav className="breadcrumb">
        <a href="#/quality">数据质量</a>
        <span aria-hidden="true"> / </span>
        <span>{ruleId === null ? '新建规则' : `规则 ${ruleId}`}</span>
      </nav>
      <ErrorMessage error={rules.error} onRetry={rules.reload} />
      {rules.loading && !rules.data && <p className="muted">正在读取规则…</p>}
      {rules.data && ruleId !== null && !summary && (
        <div className="error-message" role="alert">
          未找到规则 {ruleId}，可能已被删除。<a href="#/quality">返回数据质量</a>
        </div>
      )}
      {rules.data && (ruleId === null || summary) && (
        <RuleEditor
          saved={summary ? ruleOf(summary) : null}
          problem={summary?.problem ?? null}
          existingIds={rules.data.map((rule) => rule.id)}
          datasets={datasets.data ?? []}
        />
      )}
    </div>
  )
}
