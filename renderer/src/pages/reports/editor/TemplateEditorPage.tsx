/**
 * `#/reports/templates/<id>` and `#/reports/templates/new`: loads the template (report/template/get),
 * the list of templates (ids taken), the indicators blocks may use and the units for the preview,
 * then the editor.
 */
import { useMemo } from 'react'
import { useApiData } from '../../../api/useApiData.ts'
import { ErrorMessage } from '../../../components/ErrorMessage.tsx'
import { useOptionalApiData } from '../../indicators/useOptionalApiData.ts'
import { draftOf, newTemplate } from './templateDraft.ts'
import { TemplateEditor } from './TemplateEditor.tsx'

export function TemplateEditorPage({ templateId }: { templateId: string | null }) {
  const templates = useApiData('report/templates', {})
  const indicators = useApiData('indicator/list', {})
  const units = useApiData('units/list', {})
  const stored = useOptionalApiData('report/template/get', templateId === null ? null : { id: templateId })
  const ready =
    templates.data !== undefined &&
    indicators.data !== undefined &&
    units.data !== undefined &&
    (templateId === null || stored.data !== undefined)

  const saved = useMemo(() => (stored.data ? draftOf(stored.data) : null), [stored.data])
  const initial = useMemo(
    () => saved ?? newTemplate((templates.data ?? []).map((t) => t.id)),
    [saved, templates.data],
  )
  const title =
    templateId === null
      ? '新建模板'
      : (stored.data?.name ?? templates.data?.find((t) => t.id === templateId)?.name ?? templateId)

  return (
    <div className="page template-editor-page" data-testid="page-template-editor">
      <nav className="breadcrumb">
        <a href="#/reports">分析报告</a>
        <span aria-hidden="true"> / </span>
        <span>{title}</span>
      </nav>
      <ErrorMessage error={templates.error} onRetry={templates.reload} />
      <ErrorMessage error={indicators.error} onRetry={indicators.reload} />
      <ErrorMessage error={units.error} onRetry={units.reload} />
      {stored.error && (
        <div className="error-message" role="alert">
          {stored.error.message} <a href="#/reports">返回分析报告</a>
        </div>
      )}
      {!ready && !stored.error && <p className="muted">正在读取报告模板…</p>}
      {ready && (
        <TemplateEditor
          saved={saved}
          source={stored.data?.source ?? null}
          initial={initial}
          templates={templates.data!}
          indicators={indicators.data!}
          units={units.data!}
        />
      )}
    </div>
  )
}
