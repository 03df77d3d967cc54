/**
 * Live preview for the rule editor: what a rule, saved or not, would flag on the current data — the
 * number of hits and the first few as flag rows — without storing anything.
 */
import type { FlagRow, QualityResults } from '../../../shared/ipc/quality-contract.ts'
import type { Rule } from '../../../shared/quality/rule.ts'
import { nowIso } from '../clock.ts'
import type { Db } from '../store/database.ts'
import { hitDetails } from './details.ts'
import { toFlagRows, type FlagRecord } from './flag-rows.ts'
import { planChecks } from './plan.ts'
import { checkRule } from './rule-check.ts'
import { scanHits } from './scan.ts'
import { sourceOf } from './sources.ts'
import { loadTargets } from './targets.ts'

export function previewRule(db: Db, rule: Rule, limit: number): QualityResults['rules/preview'] {
  const targets = loadTargets(db)
  const checked = checkRule(rule, targets)
  if (!checked.ok) return { hits: 0, sample: [], problem: checked.errors[0].message }
  const plan = planChecks([rule], targets)
  const now = nowIso()
  const today = now.slice(0, 10)
  let hits = 0
  const sample: FlagRecord[] = []
  // Read-only, but the case sources use temporary tables: a transaction keeps one snapshot.
  db.transaction(() => {
    for (const check of plan.checks) {
      const ids = scanHits(db, [check], sourceOf([check], null), { today }).get(check)!
      hits += ids.length
      const wanted = Math.max(0, limit - sample.length)
      for (const hit of hitDetails(db, check, ids.slice(0, wanted), { today })) {
        sample.push({
          id: 0,
          rule_id: rule.id,
          dataset_id: check.target.id,
          record_key: hit.key,
          record_id: hit.recordId,
          severity: rule.severity,
          status: 'open',
          message: hit.message,
          fields: JSON.stringify(rule.fields),
          case_number: hit.caseNumber,
          suspect_id: hit.suspectId,
          suspect_name: hit.suspectName,
          unit: hit.unit,
          prosecutor: hit.prosecutor,
          first_seen: now,
          last_seen: now,
          rectified_at: null,
          reviewer: null,
          reviewed_at: null,
          note: null,
        })
      }
    }
  })()
  const rows: FlagRow[] = toFlagRows(db, sample, new Map([[rule.id, rule.name]]))
  const problem = plan.checks.length === 0 && plan.skipped.length > 0 ? plan.skipped[0].reason : null
  return { hits, sample: rows, problem }
}
