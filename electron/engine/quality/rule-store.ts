/**
 * The workspace's rules: library rules with their per-workspace overrides (启用, parameter values)
 * and analysts' own rules (stored whole). Everything else reads rules through `listRules`/`getRule`.
 */
import type { Rule } from '../../../shared/quality/rule.ts'
import { nowIso } from '../clock.ts'
import { EngineError } from '../errors.ts'
import { all, get, run, type Db } from '../store/database.ts'
import { sql } from '../store/sql.ts'
import { libraryRule, loadLibrary } from './library.ts'

interface Row {
  id: string
  source: 'library' | 'user'
  definition: string | null
  enabled: number | null
  parameters: string
}

function withOverrides(rule: Rule, row: Row | undefined): Rule {
  if (!row) return rule
  const values = JSON.parse(row.parameters) as Record<string, number | string>
  return {
    ...rule,
    enabled: row.enabled === null ? rule.enabled : row.enabled === 1,
    parameters: rule.parameters.map((p) =>
      Object.hasOwn(values, p.name) ? { ...p, value: values[p.name] } : p,
    ),
  }
}

/** Library rules first (catalogue order), then the workspace's own rules by id. */
export function listRules(db: Db): Rule[] {
  const rows = new Map(
    all<Row>(db, sql`SELECT id, source, definition, enabled, parameters FROM quality_rules ORDER BY id`).map(
      (r) => [r.id, r],
    ),
  )
  const library = loadLibrary().map((rule) => withOverrides(rule, rows.get(rule.id)))
  const own = [...rows.values()]
    .filter((r) => r.source === 'user' && r.definition !== null)
    .map((r) => ({ ...(JSON.parse(r.definition!) as Rule), source: 'user' as const }))
  return [...library, ...own]
}

export function findRule(db: Db, id: string): Rule | undefined {
  const row = get<Row>(
    db,
    sql`SELECT id, source, definition, enabled, parameters FROM quality_rules WHERE id = ${id}`,
  )
  const library = libraryRule(id)
  if (library) return withOverrides(library, row)
  if (row?.source === 'user' && row.definition)
    return { ...(JSON.parse(row.definition) as Rule), source: 'user' }
  return undefined
}

export function getRule(db: Db, id: string): Rule {
  const rule = findRule(db, id)
  if (!rule) throw new EngineError('NOT_FOUND', `规则 ${id} 不存在。`)
  return rule
}

/** Stores an analyst's rule (new or changed). The caller has validated it. */
export function storeUserRule(db: Db, rule: Rule): void {
  const definition = JSON.stringify({ ...rule, source: 'user' })
  run(
    db,
    sql`INSERT INTO quality_rules (id, source, definition, enabled, parameters, updated_at)
        VALUES (${rule.id}, 'user', ${definition}, NULL, '{}', ${nowIso()})
        ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at`,
  )
}

function libraryOverride(db: Db, id: string): Row {
  run(
    db,
    sql`INSERT INTO quality_rules (id, source, definition, enabled, parameters, updated_at)
        VALUES (${id}, 'library', NULL, NULL, '{}', ${nowIso()}) ON CONFLICT (id) DO NOTHING`,
  )
  return get<Row>(
    db,
    sql`SELECT id, source, definition, enabled, parameters FROM quality_rules WHERE id = ${id}`,
  )!
}

export function storeEnabled(db: Db, rule: Rule, enabled: boolean): void {
  if (rule.source === 'user') {
    storeUserRule(db, { ...rule, enabled })
    return
  }
  libraryOverride(db, rule.id)
  run(
    db,
    sql`UPDATE quality_rules SET enabled = ${enabled ? 1 : 0}, updated_at = ${nowIso()} WHERE id = ${rule.id}`,
  )
}

export function storeParameter(db: Db, rule: Rule, name: string, value: number | string): void {
  if (rule.source === 'user') {
    storeUserRule(db, {
      ...rule,
      parameters: rule.parameters.map((p) => (p.name === name ? { ...p, value } : p)),
    })
    return
  }
  const row = libraryOverride(db, rule.id)
  const values = { ...(JSON.parse(row.parameters) as Record<string, number | string>), [name]: value }
  run(
    db,
    sql`UPDATE quality_rules SET parameters = ${JSON.stringify(values)}, updated_at = ${nowIso()} WHERE id = ${rule.id}`,
  )
}

/** Removes an analyst's rule with its flags, whitelist entries and run state. */
export function removeUserRule(db: Db, id: string): void {
  run(db, sql`DELETE FROM quality_rules WHERE id = ${id} AND source = 'user'`)
  run(db, sql`DELETE FROM quality_flags WHERE rule_id = ${id}`)
  run(db, sql`DELETE FROM quality_whitelist WHERE rule_id = ${id}`)
  run(db, sql`DELETE FROM quality_rule_state WHERE rule_id = ${id}`)
}
