/**
 * Compiles rules for every dataset they apply to: a row, case or duplicate rule to each dataset of
 * its kinds, a cross-stage rule to each dataset of its flagged stage, paired with the other stage's.
 * Returns the runnable checks and, per rule and dataset, why one could not run.
 */
import type { Rule } from '../../../shared/quality/rule.ts'
import { compileRule, type CompiledCheck, type CompileOutcome } from './compile-rule.ts'
import { targetLabel, type Target } from './targets.ts'

export interface Plan {
  checks: CompiledCheck[]
  /** Rules that did not run on a dataset: missing fields, or the rule does not compile. */
  skipped: { rule: string; reason: string }[]
}

/** The datasets a rule flags records of, each with its cross-stage partner. */
export function ruleTargets(
  rule: Rule,
  targets: readonly Target[],
): { target: Target; other: Target | null }[] {
  if (rule.form.type === 'crossStage') {
    const flagged = rule.form.flag ?? '020101'
    const otherKind = flagged === '020101' ? '010101' : '020101'
    const other = targets.find((t) => t.kind === otherKind) ?? null
    return targets.filter((t) => t.kind === flagged).map((target) => ({ target, other }))
  }
  return targets.filter((t) => rule.kinds.includes(t.kind)).map((target) => ({ target, other: null }))
}

/**
 * Compiled rules by (rule, dataset columns): an incremental run after a small re-import should not
 * spend its time type-checking ninety unchanged conditions again.
 */
const compiled = new Map<string, CompileOutcome>()
const CACHE_LIMIT = 1000

function shape(target: Target | null): unknown {
  return (
    target && [
      target.id,
      target.kind,
      target.name,
      target.fields.map((f) => [f.name, f.type, f.column, f.role]),
    ]
  )
}

export function compileCached(rule: Rule, target: Target, other: Target | null): CompileOutcome {
  const key = JSON.stringify([rule, shape(target), shape(other)])
  let outcome = compiled.get(key)
  if (!outcome) {
    if (compiled.size >= CACHE_LIMIT) compiled.clear()
    outcome = compileRule(rule, target, other)
    compiled.set(key, outcome)
  }
  return outcome
}

export function planChecks(rules: readonly Rule[], targets: readonly Target[]): Plan {
  const plan: Plan = { checks: [], skipped: [] }
  for (const rule of rules) {
    for (const { target, other } of ruleTargets(rule, targets)) {
      const outcome = compileCached(rule, target, other)
      if (outcome.status === 'ok') plan.checks.push(outcome.check)
      else if (outcome.status === 'skipped') plan.skipped.push({ rule: rule.id, reason: outcome.reason })
      else plan.skipped.push({ rule: rule.id, reason: `${targetLabel(target)}：${outcome.reason}` })
    }
  }
  return plan
}
