/**
 * A rule's parameters (tolerances such as 7 天, 499 万元). Library rules: only the values change; the
 * analyst's own rules: names, labels, types and units too, and parameters can be added or removed.
 */
import { useState } from 'react'
import type { RuleParameter } from '../../../../../shared/quality/rule.ts'
import { parseParameterValue } from './ruleDraft.ts'
import { parameterSnippet } from './snippets.ts'
import type { Snippet } from './snippets.ts'

const TYPE_LABELS: Record<RuleParameter['type'], string> = { number: '数字', text: '文本', date: '日期' }

interface ParameterTableProps {
  parameters: readonly RuleParameter[]
  onChange: (parameters: RuleParameter[]) => void
  definitionEditable: boolean
  onInsert: ((snippet: Snippet) => void) | null
}

export function ParameterTable({ parameters, onChange, definitionEditable, onInsert }: ParameterTableProps) {
  const update = (index: number, patch: Partial<RuleParameter>) =>
    onChange(parameters.map((parameter, i) => (i === index ? { ...parameter, ...patch } : parameter)))
  const remove = (index: number) => onChange(parameters.filter((_, i) => i !== index))
  const add = () =>
    onChange([...parameters, { name: `参数${parameters.length + 1}`, label: '', type: 'number', value: 0 }])

  return (
    <div className="parameter-table" data-testid="rule-parameters">
      {parameters.length === 0 && (
        <p className="muted small">无参数。条件中可用 @名称 引用参数，便于日后调整阈值。</p>
      )}
      {parameters.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th>名称</th>
              <th>说明</th>
              <th>类型</th>
              <th>取值</th>
              <th>单位</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {parameters.map((parameter, index) => (
              <tr key={index}>
                <td>
                  <input
                    className="input small"
                    value={parameter.name}
                    readOnly={!definitionEditable}
                    maxLength={50}
                    onChange={(event) => update(index, { name: event.target.value })}
                    aria-label="参数名称"
                  />
                </td>
                <td>
                  <input
                    className="input small"
                    value={parameter.label}
                    readOnly={!definitionEditable}
                    maxLength={100}
                    onChange={(event) => update(index, { label: event.target.value })}
                    aria-label="参数说明"
                  />
                </td>
                <td>
                  <select
                    className="select small"
                    value={parameter.type}
                    disabled={!definitionEditable}
                    onChange={(event) => {
                      const type = event.target.value as RuleParameter['type']
                      update(index, { type, value: parseParameterValue(String(parameter.value), type) })
                    }}
                    aria-label="参数类型"
                  >
                    {Object.entries(TYPE_LABELS).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <ValueInput
                    key={parameter.type}
                    parameter={parameter}
                    onChange={(value) => update(index, { value })}
                  />
                </td>
                <td>
                  <input
                    className="input small parameter-unit"
                    value={parameter.unit ?? ''}
                    readOnly={!definitionEditable}
                    maxLength={20}
                    onChange={(event) => update(index, { unit: event.target.value || undefined })}
                    aria-label="单位"
                  />
                </td>
                <td className="nowrap">
                  {onInsert && (
                    <button
                      type="button"
                      className="button link"
                      title="在条件中插入 @名称"
                      onClick={() => onInsert(parameterSnippet(parameter.name))}
                    >
                      插入
                    </button>
                  )}
                  {definitionEditable && (
                    <button type="button" className="button link danger" onClick={() => remove(index)}>
                      删除
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {definitionEditable && (
        <button type="button" className="button small" onClick={add} disabled={parameters.length >= 20}>
          添加参数
        </button>
      )}
    </div>
  )
}

/**
 * The value keeps its own text while typed: a number input bound straight to the parsed value would
 * swallow "7." or "-" on the way to "7.5" or "-1".
 */
function ValueInput({
  parameter,
  onChange,
}: {
  parameter: RuleParameter
  onChange: (value: number | string) => void
}) {
  const [text, setText] = useState(String(parameter.value))
  return (
    <input
      className="input small parameter-value"
      value={text}
      type={parameter.type === 'date' ? 'date' : 'text'}
      inputMode={parameter.type === 'number' ? 'decimal' : undefined}
      maxLength={200}
      onChange={(event) => {
        setText(event.target.value)
        onChange(parseParameterValue(event.target.value, parameter.type))
      }}
      aria-label={`参数 ${parameter.label || parameter.name} 的取值`}
      data-testid={`parameter-value-${parameter.name}`}
    />
  )
}
