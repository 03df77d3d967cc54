/**
 * Review work on flags: a status (待核查 / 已确认 / 已整改 / 误报) with reviewer, time and note, for
 * chosen flags or every flag matching a filter. A status set by hand replaces one the run set, so
 * the run's memory of the previous status (prior_status) is dropped.
 */
import type { FlagFilter, QualityResults } from '../../../shared/ipc/quality-contract.ts'
import type { FlagStatus } from '../../../shared/quality/rule.ts'
import { FLAG_STATUS_NAMES } from '../../../shared/quality/rule.ts'
import { audit } from '../audit/audit-log.ts'
import { nowIso } from '../clock.ts'
import { EngineError } from '../errors.ts'
import { run, type Db } from '../store/database.ts'
import { fragment, sql } from '../store/sql.ts'
import { flagWhere } from './flag-filter.ts'

export interface FlagUpdate {
  ids?: number[]
  filter?: FlagFilter
  status: FlagStatus
  reviewer: string
  note?: string
}

export function updateFlags(db: Db, update: FlagUpdate): QualityResults['flags/update'] {
  if (update.ids === undefined && update.filter === undefined) {
    throw new EngineError('BAD_ARGUMENT', '请指定要更新的核查结果（编号或筛选条件）。')
  }
  const now = nowIso()
  const which = update.ids
    ? sql`f.id IN (SELECT value FROM json_each(${JSON.stringify(update.ids)}))`
    : flagWhere(update.filter!)
  const note = update.note ?? null
  return db.transaction(() => {
    const updated = run(
      db,
      sql`UPDATE quality_flags AS f SET status = ${update.status}, reviewer = ${update.reviewer}, reviewed_at = ${now},
            note = coalesce(${note}, note), prior_status = NULL,
            rectified_at = CASE WHEN ${update.status} = 'rectified' THEN coalesce(rectified_at, ${now}) ELSE NULL END
          WHERE ${fragment(which)}`,
    ).changes
    audit(db, 'flags-update', FLAG_STATUS_NAMES[update.status], {
      updated,
      reviewer: update.reviewer,
      ids: update.ids?.slice(0, 100),
      filter: update.filter,
    })
    return { updated }
  })()
}
