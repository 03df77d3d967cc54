/**
 * The analyst's own indicator definitions: save (validated, never shadowing a library indicator),
 * delete, direction overrides, and import/export as JSON or YAML files.
 */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml'
import type { IndicatorSummary } from '../../../shared/ipc/indicator-contract.ts'
import type { Direction, IndicatorDefinition } from '../../../shared/indicators/model.ts'
import { audit } from '../audit/audit-log.ts'
import { nowIso } from '../clock.ts'
import { EngineError } from '../errors.ts'
import { getSetting, setSetting } from '../settings/settings-store.ts'
import { get, run, type Db } from '../store/database.ts'
import { sql } from '../store/sql.ts'
import { listIndicators, loadIndicatorLibrary } from './library.ts'
import { validateDefinition } from './validate.ts'

function summaryOf(db: Db, id: string): IndicatorSummary {
  const found = listIndicators(db).find((d) => d.id === id)
  if (!found) throw new EngineError('NOT_FOUND', `没有编号为“${id}”的指标。`)
  return found
}

export function saveIndicator(db: Db, raw: unknown, today: string): IndicatorSummary {
  const others = listIndicators(db)
  const { definition, problems } = validateDefinition(db, raw, others, today)
  if (!definition || problems.length > 0)
    throw new EngineError('BAD_ARGUMENT', problems.map((p) => p.message).join('；'))
  if (loadIndicatorLibrary().some((d) => d.id === definition.id))
    throw new EngineError(
      'BAD_ARGUMENT',
      `编号“${definition.id}”已被指标库中的指标使用，请换一个编号（可另存为新的名称）。`,
    )
  const clash = others.find((d) => d.id !== definition.id && d.name === definition.name)
  if (clash) throw new EngineError('BAD_ARGUMENT', `已有名为“${definition.name}”的指标（编号 ${clash.id}）。`)
  const stored: IndicatorDefinition = { ...definition, source: 'user' }
  const now = nowIso()
  const existed = get(db, sql`SELECT 1 FROM indicator_definitions WHERE id = ${stored.id}`) !== undefined
  db.transaction(() => {
    run(
      db,
      sql`INSERT INTO indicator_definitions (id, definition, created_at, updated_at)
          VALUES (${stored.id}, ${JSON.stringify(stored)}, ${now}, ${now})
          ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at`,
    )
    audit(db, existed ? 'indicator.update' : 'indicator.create', stored.id, { name: stored.name })
  })()
  return summaryOf(db, stored.id)
}

export function deleteIndicator(db: Db, id: string): { id: string } {
  if (loadIndicatorLibrary().some((d) => d.id === id))
    throw new EngineError('BAD_ARGUMENT', `“${id}”是指标库中的指标，不能删除。`)
  const users = listIndicators(db).filter((d) => d.source === 'user' && d.id !== id)
  const dependent = users.find((d) =>
    d.calibers.some((c) => Object.values(c.measures).some((m) => 'indicator' in m && m.indicator === id)),
  )
  if (dependent)
    throw new EngineError('BAD_ARGUMENT', `指标“${dependent.name}”引用了“${id}”，请先修改或删除它。`)
  const removed = run(db, sql`DELETE FROM indicator_definitions WHERE id = ${id}`).changes
  if (removed === 0) throw new EngineError('NOT_FOUND', `没有编号为“${id}”的自定义指标。`)
  audit(db, 'indicator.delete', id, {})
  return { id }
}

export function setIndicatorDirection(db: Db, id: string, direction: Direction | null): IndicatorSummary {
  summaryOf(db, id)
  const overrides = { ...getSetting(db, 'indicatorDirections') }
  if (direction === null) delete overrides[id]
  else overrides[id] = direction
  setSetting(db, 'indicatorDirections', overrides)
  return summaryOf(db, id)
}

/** A file's definitions: a JSON or YAML list, one definition, or `{ indicators: [...] }`. */
export function readDefinitionsText(text: string): unknown[] {
  let data: unknown
  try {
    data =
      text.trimStart().startsWith('{') || text.trimStart().startsWith('[')
        ? JSON.parse(text)
        : parseYaml(text)
  } catch (error) {
    throw new EngineError(
      'BAD_ARGUMENT',
      `指标定义文件无法解析（应为 JSON 或 YAML）：${(error as Error).message}`,
    )
  }
  if (Array.isArray(data)) return data
  if (data && typeof data === 'object' && Array.isArray((data as { indicators?: unknown }).indicators))
    return (data as { indicators: unknown[] }).indicators
  if (data && typeof data === 'object') return [data]
  throw new EngineError('BAD_ARGUMENT', '指标定义文件应包含一个指标或指标列表。')
}

/** Imports definitions all or nothing: one invalid definition saves none and says which and why. */
export function importIndicators(db: Db, text: string, today: string): { saved: string[] } {
  const items = readDefinitionsText(text)
  const saved: string[] = []
  db.transaction(() => {
    items.forEach((item, i) => {
      try {
        saved.push(saveIndicator(db, { ...(item as object), source: 'user' }, today).id)
      } catch (error) {
        const name = (item as { name?: unknown })?.name
        const label = typeof name === 'string' ? `“${name}”` : ''
        throw new EngineError(
          'BAD_ARGUMENT',
          `第 ${i + 1} 个指标${label}未能导入：${(error as Error).message}`,
        )
      }
    })
  })()
  return { saved }
}

export function exportIndicators(
  db: Db,
  ids: string[] | undefined,
  format: 'json' | 'yaml',
): { text: string; fileName: string } {
  const all = listIndicators(db)
  const picked =
    ids && ids.length > 0
      ? ids.map((id) => all.find((d) => d.id === id) ?? summaryOf(db, id))
      : all.filter((d) => d.source === 'user')
  const definitions = picked.map((d) => {
    const { effectiveDirection: _e, directionOverridden: _o, ...definition } = d
    return definition
  })
  const text = format === 'yaml' ? stringifyYaml(definitions) : `${JSON.stringify(definitions, null, 2)}\n`
  return { text, fileName: `指标定义.${format === 'yaml' ? 'yaml' : 'json'}` }
}
