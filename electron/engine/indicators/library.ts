/**
 * The indicator library shipped in resources/indicators/*.json (each file an array of definitions,
 * see its README), merged with the analyst's own definitions stored in the workspace and the
 * workspace's direction overrides. Library files are checked once against the model's schema.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { IndicatorSummary } from '../../../shared/ipc/indicator-contract.ts'
import { indicatorSchema, type IndicatorDefinition } from '../../../shared/indicators/model.ts'
import { projectRoot } from '../project-root.ts'
import { getSetting } from '../settings/settings-store.ts'
import { all, type Db } from '../store/database.ts'
import { sql } from '../store/sql.ts'

const cache = new Map<string, IndicatorDefinition[]>()

export function indicatorLibraryDir(): string {
  return path.join(projectRoot(), 'resources', 'indicators')
}

/** Every library indicator, files sorted by name. Throws on a malformed file: a build error. */
export function loadIndicatorLibrary(dir = indicatorLibraryDir()): readonly IndicatorDefinition[] {
  let definitions = cache.get(dir)
  if (definitions) return definitions
  definitions = []
  const seen = new Set<string>()
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.json')) : []
  for (const file of files.sort()) {
    const items: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))
    if (!Array.isArray(items)) throw new Error(`指标库文件 ${file} 应为指标定义的数组`)
    for (const item of items) {
      const parsed = indicatorSchema.safeParse(item)
      if (!parsed.success) throw new Error(`指标库文件 ${file} 格式不正确：${parsed.error.message}`)
      if (seen.has(parsed.data.id)) throw new Error(`指标库中指标编号 ${parsed.data.id} 重复（${file}）`)
      seen.add(parsed.data.id)
      definitions.push({ ...parsed.data, source: 'library' })
    }
  }
  cache.set(dir, definitions)
  return definitions
}

/** The analyst's definitions, in the order they were created. */
export function loadUserIndicators(db: Db): IndicatorDefinition[] {
  return all<{ definition: string }>(
    db,
    sql`SELECT definition FROM indicator_definitions ORDER BY created_at, id`,
  ).flatMap((row) => {
    const parsed = indicatorSchema.safeParse(JSON.parse(row.definition))
    // A definition saved by an older version that no longer validates is skipped, never fatal.
    return parsed.success ? [{ ...parsed.data, source: 'user' as const }] : []
  })
}

/** Library and user indicators with the workspace's direction in force. */
export function listIndicators(db: Db): IndicatorSummary[] {
  const overrides = getSetting(db, 'indicatorDirections')
  return [...loadIndicatorLibrary(), ...loadUserIndicators(db)].map((definition) => {
    const override = overrides[definition.id]
    return {
      ...definition,
      effectiveDirection: override ?? definition.direction,
      directionOverridden: override !== undefined && override !== definition.direction,
    }
  })
}
