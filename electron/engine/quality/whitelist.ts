/**
 * 已核对清单: (rule, record key) pairs an analyst verified as correct. A run never flags them again;
 * adding removes their flags, removing makes the rule's next run look at every record again so the
 * flags come back where the data still breaks the rule.
 */
import type { QualityResults } from '../../../shared/ipc/quality-contract.ts'
import { audit } from '../audit/audit-log.ts'
import { nowIso } from '../clock.ts'
import { all, run, type Db } from '../store/database.ts'
import { sql } from '../store/sql.ts'
import { forgetRuleState } from './run-state.ts'

export function addToWhitelist(
  db: Db,
  flagIds: readonly number[],
  reviewer: string,
  note?: string,
): QualityResults['whitelist/add'] {
  const now = nowIso()
  const ids = JSON.stringify(flagIds)
  return db.transaction(() => {
    const added = run(
      db,
      sql`INSERT OR IGNORE INTO quality_whitelist (rule_id, record_key, reviewer, note, added_at)
          SELECT rule_id, record_key, ${reviewer}, ${note ?? null}, ${now} FROM quality_flags
          WHERE id IN (SELECT value FROM json_each(${ids}))`,
    ).changes
    run(
      db,
      sql`DELETE FROM quality_flags WHERE (rule_id, record_key) IN (SELECT rule_id, record_key FROM quality_whitelist)
          AND id IN (SELECT value FROM json_each(${ids}))`,
    )
    audit(db, 'whitelist-add', `${added} 条`, { flagIds: flagIds.slice(0, 100), reviewer })
    return { added }
  })()
}

export function listWhitelist(db: Db): QualityResults['whitelist/list'] {
  return all<{
    id: number
    rule: string
    key: string
    reviewer: string
    note: string | null
    addedAt: string
  }>(
    db,
    sql`SELECT id, rule_id AS rule, replace(record_key, char(1), ' / ') AS key, reviewer, note, added_at AS addedAt
        FROM quality_whitelist ORDER BY id DESC`,
  )
}

export function removeFromWhitelist(db: Db, ids: readonly number[]): QualityResults['whitelist/remove'] {
  return db.transaction(() => {
    const list = JSON.stringify(ids)
    const rules = all<{ rule_id: string }>(
      db,
      sql`SELECT DISTINCT rule_id FROM quality_whitelist WHERE id IN (SELECT value FROM json_each(${list}))`,
    )
    const removed = run(
      db,
      sql`DELETE FROM quality_whitelist WHERE id IN (SELECT value FROM json_each(${list}))`,
    ).changes
    for (const { rule_id } of rules) forgetRuleState(db, rule_id)
    audit(db, 'whitelist-remove', `${removed} 条`, { ids: ids.slice(0, 100) })
    return { removed }
  })()
}
