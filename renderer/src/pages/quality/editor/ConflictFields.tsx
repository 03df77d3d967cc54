/** The rule's conflicting fields (highlighted in the grid, red in exports), as removable chips. */
import { useState } from 'react'
import { splitNames } from './ruleDraft.ts'

interface ConflictFieldsProps {
  fields: readonly string[]
  onChange: ((fields: string[]) => void) | null
}

export function ConflictFields({ fields, onChange }: ConflictFieldsProps) {
  const [text, setText] = useState('')
  const add = () => {
    if (!onChange) return
    const names = splitNames(text).filter((name) => !fields.includes(name))
    if (names.length > 0) onChange([...fields, ...names].slice(0, 50))
    setText('')
  }
  return (
    <div className="conflict-fields" data-testid="rule-fields">
      {fields.length === 0 && <span className="muted small">未指定</span>}
      {fields.map((field) => (
        <span key={field} className="chip on conflict">
          {field}
          {onChange && (
            <button
              type="button"
              className="chip-remove"
              aria-label={`移除 ${field}`}
              onClick={() => onChange(fields.filter((f) => f !== field))}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {onChange && (
        <input
          className="input small"
          placeholder="输入字段名后回车，多个用、分隔"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              add()
            }
          }}
          onBlur={add}
        />
      )}
    </div>
  )
}
