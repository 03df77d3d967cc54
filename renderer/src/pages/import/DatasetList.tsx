/** Imported datasets with their record counts; clicking one opens it in the grid. */
import { useApiData } from '../../api/useApiData.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { Section } from '../../components/Section.tsx'
import { kindName } from '../../format/kind.ts'
import { formatCount } from '../../format/numbers.ts'
import { formatTimestamp } from '../../format/timestamp.ts'

export function DatasetList({ refreshKey }: { refreshKey: number }) {
  const datasets = useApiData('dataset/list', {}, refreshKey)
  return (
    <Section title="数据集">
      <ErrorMessage error={datasets.error} onRetry={datasets.reload} />
      {datasets.data && datasets.data.length === 0 && (
        <p className="muted">
          还没有数据集。导入文件后，每种导出格式会形成一个数据集，重复导入同一格式会按记录键合并更新。
        </p>
      )}
      {datasets.data && datasets.data.length > 0 && (
        <div className="dataset-grid">
          {datasets.data.map((dataset) => (
            <a
              key={dataset.id}
              href={`#/dataset/${dataset.id}`}
              className="dataset-card"
              data-testid={`dataset-${dataset.id}`}
            >
              <span className="dataset-name">{dataset.name}</span>
              <span className="badge">{kindName(dataset.kind)}</span>
              <span className="dataset-records">
                <strong>{formatCount(dataset.records)}</strong> 条记录
              </span>
              <span className="muted small">
                {formatCount(dataset.fieldCount)} 个字段 · {formatCount(dataset.batches)} 个批次 · 更新于{' '}
                {formatTimestamp(dataset.updatedAt)}
              </span>
            </a>
          ))}
        </div>
      )}
    </Section>
  )
}
