/**
 * The condition textarea (monospace) with the validation errors' spans underlined in place. The marks
 * are drawn in a layer behind a transparent textarea with the same font, padding and wrapping, kept
 * scrolled with it: a real editor component would be a new dependency for one field.
 */
import { useRef } from 'react'
import type { Ref } from 'react'
import { markSegments } from './conditionMarks.ts'
import type { MarkSpan } from './conditionMarks.ts'

interface ConditionEditorProps {
  value: string
  onChange: (value: string) => void
  errors: readonly MarkSpan[]
  readOnly: boolean
  textareaRef: Ref<HTMLTextAreaElement>
  invalid: boolean
}

export function ConditionEditor({
  value,
  onChange,
  errors,
  readOnly,
  textareaRef,
  invalid,
}: ConditionEditorProps) {
  const backdrop = useRef<HTMLDivElement>(null)
  const segments = markSegments(value, errors)
  return (
    <div
      className={['condition-editor', invalid && 'invalid', readOnly && 'readonly'].filter(Boolean).join(' ')}
    >
      <div className="condition-backdrop" ref={backdrop} aria-hidden="true">
        {segments.map((segment, index) =>
          segment.marked ? (
            <mark key={index} className="condition-error">
              {segment.text}
            </mark>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
        {/* A trailing newline would collapse in the layer; a space keeps the last line's height. */}
        {value.endsWith('\n') && ' '}
      </div>
      <textarea
        ref={textareaRef}
        className="condition-input"
        value={value}
        readOnly={readOnly}
        spellCheck={false}
        rows={5}
        placeholder="例如：天数差(受理日期, 审结日期) > @天数上限"
        aria-label="核查条件"
        aria-invalid={invalid}
        onChange={(event) => onChange(event.target.value)}
        onScroll={(event) => {
          if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop
        }}
        data-testid="rule-condition"
      />
    </div>
  )
}
