/**
 * The rule list of the review UI: every rule with whether it can run and its flags by status.
 */
import type { RuleSummary } from '../../../shared/ipc/quality-contract.ts'
import type { FlagStatus, Rule } from '../../../shared/quality/rule.ts'
import { all, type Db } from '../store/database.ts'
import { sql } from '../store/sql.ts'
import { ruleProblem } from './rule-check.ts'
import { listRules } from './rule-store.ts'
import { loadTargets, type Target } from './targets.ts'

type Hits = Record<FlagStatus, number>

function hitsByRule(db: Db): Map<string, Hits> {
  const hits = new Map<string, Hits>()
  for (const row of all<{ rule_id: string; status: FlagStatus; n: number }>(
    db,
    sql`SELECT rule_id, status, count(*) AS n FROM quality_flags GROUP BY rule_id, status`,
  )) {
    const counts = hits.get(row.rule_id) ?? { open: 0, confirmed: 0, rectified: 0, falsePositive: 0 }
    counts[row.status] = row.n
    hits.set(row.rule_id, counts)
  }
  return hits
}

export function summarise(
  db: Db,
  rule: Rule,
  targets: readonly Target[] = loadTargets(db),
  hits = hitsByRule(db),
): RuleSummary {
  return {
    ...rule,
    problem: ruleProblem(rule, targets),
    hits: hits.get(rule.id) ?? { open: 0, confirmed: 0, rectified: 0, falsePositive: 0 },
  }
}

export function listRuleSummaries(db: Db): RuleSummary[] {
  const targets = loadTargets(db)
  const hits = hitsByRule(db)
  return listRules(db).map((rule) => summarise(db, rule, targets, hits))
}
