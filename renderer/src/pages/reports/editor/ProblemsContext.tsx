/**
 * The problems of the live check, placed at their controls (templateProblems.ts), handed down the
 * form through context; `FieldProblems` shows those of one path in red next to its control. Also
 * whether the template is read-only.
 */
import { createContext, useContext } from 'react'
import type { TemplateProblem } from '../../../../../shared/ipc/report-contract.ts'

export const ProblemsContext = createContext<ReadonlyMap<string, readonly TemplateProblem[]>>(new Map())

/** A built-in template is shown read-only: its controls sit in disabled fieldsets (cards still open). */
export const ReadOnlyContext = createContext(false)

export function useProblems(path: string): readonly TemplateProblem[] {
  return useContext(ProblemsContext).get(path) ?? []
}

export function FieldProblems({ path }: { path: string }) {
  const problems = useProblems(path)
  if (problems.length === 0) return null
  return (
    <ul className="template-problems-at" role="alert" data-testid="template-field-problem" data-path={path}>
      {problems.map((problem, index) => (
        <li key={index}>{problem.message}</li>
      ))}
    </ul>
  )
}
