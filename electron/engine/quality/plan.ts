/**
 * Compiles rules for every dataset they apply to: a row, case or duplicate rule to each dataset of
 * its kinds, a cross-stage rule to each dataset of its flagged stage, paired with the other stage's.
 * Returns the runnable checks and, per rule and dataset, why one could not run.
 */
import type { Rule } from '../../../shared/quality/rule.ts'
import { compileRule, type CompiledCheck } from './compile-rule.ts'
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

export function planChecks(rules: readonly Rule[], targets: readonly Target[]): Plan {
  const plan: Plan = { checks: [], skipped: [] }
  for (const rule of rules) {
    for (const { target, other } of ruleTargets(rule, targets)) {
      const outcome = compileRule(rule, target, other)
      if (outcome.status === 'ok') plan.checks.push(outcome.check)
      else if (outcome.status === 'skipped') plan.skipped.push({ rule: rule.id, reason: outcome.reason })
      else plan.skipped.push({ rule: rule.id, reason: `${targetLabel(target)}：${outcome.reason}` })
    }
  }
  return plan
}
