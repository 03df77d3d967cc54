/**
 * `#/indicators/builder/<id>` and `#/indicators/builder/new`: loads the indicators (the one to edit,
 * the ids taken, the ones a measure may reference), the datasets and the units, then the builder.
 */
import '../../../styles/indicator-builder.css'
import { useApiData } from '../../../api/useApiData.ts'
import { ErrorMessage } from '../../../components/ErrorMessage.tsx'
import { definitionOf } from './builderDraft.ts'
import { IndicatorBuilder } from './IndicatorBuilder.tsx'

export function IndicatorBuilderPage({ indicatorId }: { indicatorId: string | null }) {
  const indicators = useApiData('indicator/list', {})
  const datasets = useApiData('dataset/list', {})
  const units = useApiData('units/list', {})
  const summary =
    indicatorId === null ? undefined : indicators.data?.find((indicator) => indicator.id === indicatorId)
  const ready = indicators.data !== undefined && datasets.data !== undefined

  return (
    <div className="page indicator-builder-page" data-testid="page-indicator-builder">
      <nav className="breadcrumb">
        <a href="#/indicators">指标分析</a>
        <span aria-hidden="true"> / </span>
        <span>{indicatorId === null ? '新建指标' : (summary?.name ?? `指标 ${indicatorId}`)}</span>
      </nav>
      <ErrorMessage error={indicators.error} onRetry={indicators.reload} />
      <ErrorMessage error={datasets.error} onRetry={datasets.reload} />
      <ErrorMessage error={units.error} onRetry={units.reload} />
      {!ready && !indicators.error && !datasets.error && <p className="muted">正在读取指标和数据…</p>}
      {ready && indicatorId !== null && !summary && (
        <div className="error-message" role="alert">
          未找到指标 {indicatorId}，可能已被删除。<a href="#/indicators">返回指标分析</a>
        </div>
      )}
      {ready && (indicatorId === null || summary) && (
        <IndicatorBuilder
          saved={summary ? definitionOf(summary) : null}
          indicators={indicators.data ?? []}
          datasets={datasets.data ?? []}
          units={units.data ?? []}
        />
      )}
    </div>
  )
}
