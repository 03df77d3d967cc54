/**
 * The whole definition as YAML text, in step with the form: form edits rewrite the text, and text that
 * reads as a definition updates the form. Text that does not read keeps the form as it was and says
 * why (YAML line and column, or which item does not fit).
 */
interface DefinitionTextViewProps {
  text: string
  error: string | null
  readOnly: boolean
  onChange: (text: string) => void
}

export function DefinitionTextView({ text, error, readOnly, onChange }: DefinitionTextViewProps) {
  return (
    <div className="definition-text">
      <textarea
        className={`input definition-textarea${error ? ' invalid' : ''}`}
        value={text}
        readOnly={readOnly}
        spellCheck={false}
        rows={24}
        onChange={(event) => onChange(event.target.value)}
        aria-label="指标定义文本（YAML）"
        aria-invalid={error !== null}
        data-testid="builder-text"
      />
      {error ? (
        <p className="field-problems text-error" role="alert" data-testid="builder-text-error">
          {error}
        </p>
      ) : (
        <p className="muted small">修改文本后表单随之更新；也可复制文本保存或分享。</p>
      )}
    </div>
  )
}
