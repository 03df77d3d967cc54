/**
 * The flag filter of the review grid, bulk actions and exports, as a WHERE over quality_flags (alias
 * `f`). A unit filter takes in the units below it (a 市院 sees its 基层院), as the units table of the
 * demo or of a real unit list knows them; search looks in 部门受案号, 嫌疑人编号, 姓名 and the message.
 */
import type { FlagFilter } from '../../../shared/ipc/quality-contract.ts'
import { join, sql, type Sql } from '../store/sql.ts'

const list = (values: readonly (string | number)[]) => JSON.stringify(values)

export function flagWhere(filter: FlagFilter): Sql {
  const parts: Sql[] = [sql`1`]
  if (filter.rules?.length) parts.push(sql`f.rule_id IN (SELECT value FROM json_each(${list(filter.rules)}))`)
  if (filter.statuses?.length)
    parts.push(sql`f.status IN (SELECT value FROM json_each(${list(filter.statuses)}))`)
  if (filter.severities?.length)
    parts.push(sql`f.severity IN (SELECT value FROM json_each(${list(filter.severities)}))`)
  if (filter.datasetId !== undefined) parts.push(sql`f.dataset_id = ${filter.datasetId}`)
  if (filter.prosecutors?.length) {
    parts.push(sql`f.prosecutor IN (SELECT value FROM json_each(${list(filter.prosecutors)}))`)
  }
  if (filter.units?.length) {
    parts.push(sql`f.unit IN (WITH RECURSIVE below(code) AS (
        SELECT value FROM json_each(${list(filter.units)})
        UNION SELECT u.code FROM units u JOIN below b ON u.parent = b.code)
      SELECT code FROM below)`)
  }
  const search = filter.search?.trim()
  if (search) {
    parts.push(sql`(instr(coalesce(f.case_number, ''), ${search}) > 0 OR instr(coalesce(f.suspect_id, ''), ${search}) > 0
      OR instr(coalesce(f.suspect_name, ''), ${search}) > 0 OR instr(f.message, ${search}) > 0 OR f.rule_id = ${search})`)
  }
  return join(parts, ' AND ')
}
