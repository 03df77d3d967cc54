/**
 * The fields of an imported dataset, to insert into the condition (written as the language wants:
 * brackets for names with symbols, `逮捕.`/`公诉.` in 捕诉衔接 rules) or to add as conflicting fields.
 */
import { useState } from 'react'
import type { DatasetKind } from '../../../../../shared/domain/fields.ts'
import type { DatasetSummary } from '../../../../../shared/ipc/contract.ts'
import { useApiData } from '../../../api/useApiData.ts'
import { ErrorMessage } from '../../../components/ErrorMessage.tsx'
import { kindName } from '../../../format/kind.ts'
import type { FormType } from './ruleDraft.ts'
import { caseAggregateSnippet, fieldSnippet } from './snippets.ts'
import type { Snippet } from './snippets.ts'

const TYPE_NAMES: Record<string, string> = {
  integer: '整数',
  decimal: '数值',
  date: '日期',
  boolean: '是/否',
  text: '文本',
  code: '代码',
  set: '多值',
}

interface FieldPickerProps {
  datasets: readonly DatasetSummary[]
  kinds: readonly DatasetKind[]
  formType: FormType
  onInsert: (snippet: Snippet) => void
  /** null when the rule's conflicting fields cannot be edited (library rules). */
  onAddConflict: ((field: string) => void) | null
  conflicts: readonly string[]
  disabled: boolean
}

/** The dataset to show first: one the rule applies to, else any. */
export function defaultDataset(datasets: readonly DatasetSummary[], kinds: readonly DatasetKind[]) {
  return datasets.find((dataset) => kinds.includes(dataset.kind)) ?? datasets[0]
}

export function FieldPicker(props: FieldPickerProps) {
  const { datasets, kinds, formType, onInsert, onAddConflict, conflicts, disabled } = props
  const [chosen, setChosen] = useState<number | null>(null)
  const [query, setQuery] = useState('')
  const dataset = datasets.find((d) => d.id === chosen) ?? defaultDataset(datasets, kinds)

  if (!dataset) return <p className="muted small">尚未导入数据集。导入后可在此选取字段名。</p>
  return (
    <div className="field-picker" data-testid="field-picker">
      <div className="field-picker-tools">
        <select
          className="select small"
          value={dataset.id}
          onChange={(event) => setChosen(Number(event.target.value))}
          aria-label="数据集"
        >
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}（{kindName(d.kind)}）
            </option>
          ))}
        </select>
        <input
          type="search"
          className="input small"
          placeholder="查找字段"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {formType === 'case' && (
        <div className="operator-row">
          <button
            type="button"
            className="chip"
            disabled={disabled}
            onClick={() => onInsert({ text: '案内人数' })}
            title="同一案件中的记录数（嫌疑人数）"
          >
            案内人数
          </button>
        </div>
      )}
      <FieldList
        key={dataset.id}
        datasetId={dataset.id}
        kind={dataset.kind}
        query={query.trim()}
        {...{ formType, onInsert, onAddConflict, conflicts, disabled }}
      />
    </div>
  )
}

interface FieldListProps extends Omit<FieldPickerProps, 'datasets' | 'kinds'> {
  datasetId: number
  kind: DatasetKind
  query: string
}

function FieldList({
  datasetId,
  kind,
  query,
  formType,
  onInsert,
  onAddConflict,
  conflicts,
  disabled,
}: FieldListProps) {
  const detail = useApiData('dataset/get', { datasetId })
  if (detail.error) return <ErrorMessage error={detail.error} onRetry={detail.reload} />
  if (!detail.data) return <p className="muted small">正在读取字段…</p>
  const fields = [...detail.data.fields]
    .sort((a, b) => a.position - b.position)
    .filter((field) => query === '' || field.name.includes(query))
  return (
    <ul className="field-list">
      {fields.map((field) => (
        <li key={field.name}>
          <button
            type="button"
            className="field-item"
            disabled={disabled}
            title={field.description ?? '点击插入到条件中'}
            onClick={() => onInsert(fieldSnippet(field.name, formType, kind))}
            data-testid={`field-${field.name}`}
          >
            <span className="field-name">{field.name}</span>
            <span className="field-type">{TYPE_NAMES[field.type] ?? field.type}</span>
          </button>
          {formType === 'case' && (
            <>
              <button
                type="button"
                className="mini"
                disabled={disabled}
                title="同案中该字段不同取值的个数"
                onClick={() => onInsert(caseAggregateSnippet(field.name, '取值数'))}
              >
                取值数
              </button>
              <button
                type="button"
                className="mini"
                disabled={disabled}
                title="同案中该字段全部取值的集合"
                onClick={() => onInsert(caseAggregateSnippet(field.name, '集合'))}
              >
                集合
              </button>
            </>
          )}
          {onAddConflict && (
            <button
              type="button"
              className="mini"
              disabled={conflicts.includes(field.name)}
              title="加入冲突字段（在清单中标红）"
              onClick={() => onAddConflict(field.name)}
            >
              ＋冲突
            </button>
          )}
        </li>
      ))}
    </ul>
  )
}
