/** The problems placed at one form control, in red beside it; and the labelled row controls sit in. */
import type { ReactNode } from 'react'
import type { ValidationProblem } from '../../../../../shared/ipc/indicator-contract.ts'

export function FieldProblems({
  problems,
  path,
}: {
  problems: readonly ValidationProblem[] | undefined
  path: string
}) {
  if (!problems || problems.length === 0) return null
  return (
    <ul className="field-problems" data-testid="field-problem" data-path={path} role="alert">
      {problems.map((problem, index) => (
        <li key={index}>{problem.message}</li>
      ))}
    </ul>
  )
}

/** A form row: the label at the left (tied to the control by `htmlFor`), the control and its problems. */
export function FormRow({
  label,
  htmlFor,
  children,
}: {
  label: string
  htmlFor?: string
  children: ReactNode
}) {
  return (
    <div className="form-row">
      <span>{htmlFor ? <label htmlFor={htmlFor}>{label}</label> : label}</span>
      <div className="form-control">{children}</div>
    </div>
  )
}
