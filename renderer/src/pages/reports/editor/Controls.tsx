/**
 * The editor's form controls, each tied to the path of the value it edits: the DOM id a problem in
 * the list focuses, and the problems of that path shown in red beneath it.
 */
import { useState } from 'react'
import type { ReactNode } from 'react'
import { controlId } from './templateProblems.ts'
import { FieldProblems, useProblems } from './ProblemsContext.tsx'

export function Field({
  label,
  path,
  children,
  hint,
}: {
  label: string
  path: string
  children: ReactNode
  hint?: string
}) {
  return (
    <div className="tpl-field">
      <label className="tpl-label" htmlFor={controlId(path)}>
        {label}
      </label>
      <div className="tpl-control">
        {children}
        {hint && <span className="muted small tpl-hint">{hint}</span>}
        <FieldProblems path={path} />
      </div>
    </div>
  )
}

interface TextProps {
  label: string
  path: string
  value: string | undefined
  onChange: (value: string) => void
  placeholder?: string
  hint?: string
  testId?: string
  maxLength?: number
}

export function TextField({ label, path, value, onChange, placeholder, hint, testId, maxLength }: TextProps) {
  const invalid = useProblems(path).length > 0
  return (
    <Field label={label} path={path} hint={hint}>
      <input
        id={controlId(path)}
        className="input small"
        value={value ?? ''}
        placeholder={placeholder}
        maxLength={maxLength}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid}
        data-testid={testId}
      />
    </Field>
  )
}

export function TextAreaField({
  label,
  path,
  value,
  onChange,
  placeholder,
  hint,
  testId,
  rows = 3,
}: TextProps & { rows?: number }) {
  const invalid = useProblems(path).length > 0
  return (
    <Field label={label} path={path} hint={hint}>
      <textarea
        id={controlId(path)}
        className="input tpl-textarea"
        value={value ?? ''}
        rows={rows}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid}
        data-testid={testId}
      />
    </Field>
  )
}

/**
 * A number kept as typed until it reads as one: an empty box means “use the default” (undefined), a
 * half-typed “-” or “1.” does not jump back while typing.
 */
export function NumberField({
  label,
  path,
  value,
  onChange,
  min,
  max,
  step,
  hint,
  testId,
}: {
  label: string
  path: string
  value: number | undefined
  onChange: (value: number | undefined) => void
  min?: number
  max?: number
  step?: number
  hint?: string
  testId?: string
}) {
  const [text, setText] = useState<string | null>(null)
  const invalid = useProblems(path).length > 0
  const shown = text ?? (value === undefined ? '' : String(value))
  return (
    <Field label={label} path={path} hint={hint}>
      <input
        id={controlId(path)}
        className="input small tpl-number"
        type="number"
        value={shown}
        min={min}
        max={max}
        step={step}
        onChange={(event) => {
          const raw = event.target.value
          setText(raw)
          if (raw.trim() === '') onChange(undefined)
          else if (Number.isFinite(Number(raw))) onChange(Number(raw))
        }}
        onBlur={() => setText(null)}
        aria-invalid={invalid}
        data-testid={testId}
      />
    </Field>
  )
}

export function SelectField<T extends string>({
  label,
  path,
  value,
  options,
  onChange,
  hint,
  testId,
}: {
  label: string
  path: string
  value: T
  options: Readonly<Record<T, string>>
  onChange: (value: T) => void
  hint?: string
  testId?: string
}) {
  return (
    <Field label={label} path={path} hint={hint}>
      <select
        id={controlId(path)}
        className="select small"
        value={value}
        onChange={(event) => onChange(event.target.value as T)}
        data-testid={testId}
      >
        {(Object.keys(options) as T[]).map((key) => (
          <option key={key} value={key}>
            {options[key]}
          </option>
        ))}
      </select>
    </Field>
  )
}

export function CheckField({
  label,
  path,
  checked,
  onChange,
  text,
  testId,
}: {
  label: string
  path: string
  checked: boolean
  onChange: (checked: boolean) => void
  text: string
  testId?: string
}) {
  return (
    <Field label={label} path={path}>
      <label className="tpl-check">
        <input
          id={controlId(path)}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          data-testid={testId}
        />
        {text}
      </label>
    </Field>
  )
}
