import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { DatasetField, EngineEvents, RecordRow } from '../../../shared/ipc/contract.ts'
import { readManifest } from '../../../electron/engine/demo/manifest.ts'
import { countBy } from '../../helpers/demo-aggregates.ts'
import { readDemo } from '../../helpers/demo-rows.ts'
import { testWorkspace } from '../../helpers/workspace.ts'
import path from 'node:path'
import { all } from '../../../electron/engine/store/database.ts'
import { ident, sql } from '../../../electron/engine/store/sql.ts'
import { splitSet } from '../../../shared/values/set.ts'

/** A record's cell as the export had it: the original text when the import changed it. */
function textOf(row: RecordRow, field: DatasetField): string {
  const raw = row._raw?.[field.name]
  if (raw !== undefined) return raw
  const value = row[field.name]
  if (value === null || value === undefined) return ''
  if (field.type === 'boolean' && typeof value !== 'string')
    return value === 1 || value === true ? '是' : '否'
  if (field.type === 'set') return (JSON.parse(String(value)) as string[]).join('|')
  return String(value)
}

/** The export's text in the form textOf gives: set items (、 or comma separated) joined with |. */
function expectedText(text: string, field: DatasetField): string {
  return field.type === 'set' ? splitSet(text, field.role === 'charge' ? 'charges' : 'list').join('|') : text
}

describe('demo/create', () => {
  it('generates the province next to the workspace, imports it and fills units/list', async () => {
    const ws = testWorkspace()
    const events: EngineEvents['demo/progress'][] = []
    ws.host.onEvent((event, payload) => {
      if (event === 'demo/progress') events.push(payload as EngineEvents['demo/progress'])
    })
    const result = await ws.call('demo/create', { persons: 3000, from: '2024-01', to: '2024-12', seed: 3 })

    expect(result.manifest).toBe(
      path.join(`${ws.dbPath.replace(/\.db$/, '')}-files`, 'demo', 'manifest.json'),
    )
    const manifest = readManifest(path.dirname(result.manifest))
    expect(result.imports.map((i) => i.kind)).toEqual(['010101', '020101'])
    for (const i of result.imports) {
      expect(i.rejected).toBe(0)
      expect(i.errors).toEqual([])
      expect(i.inserted).toBe(manifest.counts.rows[i.kind as '010101' | '020101'])
    }
    const generating = events.filter((e) => e.phase === 'generating')
    const importing = events.filter((e) => e.phase === 'importing')
    expect(generating.at(-1)!.done).toBe(generating.at(-1)!.total)
    expect(importing.at(-1)).toEqual({
      phase: 'importing',
      done: importing[0].total,
      total: importing[0].total,
    })

    const units = await ws.call('units/list', {})
    expect(units).toHaveLength(109)
    expect(units[0]).toEqual({
      code: '320000',
      name: '江苏省人民检察院',
      shortName: '苏检',
      level: 'province',
      parent: null,
    })
    const codes = new Set(units.map((u) => u.code))
    expect(
      units.filter((u) => u.level !== 'province').every((u) => u.parent !== null && codes.has(u.parent)),
    ).toBe(true)
    expect(units.find((u) => u.code === '320102')).toMatchObject({
      name: '南京市玄武区人民检察院',
      level: 'county',
      parent: '320100',
    })

    // Every injected error is in the workspace as the manifest says.
    for (const error of manifest.errors) {
      const datasetId = result.imports.find((i) => i.kind === error.kind)!.datasetId
      const fields = new Map((await ws.call('dataset/get', { datasetId })).fields.map((f) => [f.name, f]))
      const page = await ws.call('records/page', {
        datasetId,
        startRow: 0,
        endRow: 5,
        filters: {
          部门受案号: { filterType: 'text', type: 'equals', filter: error.部门受案号 },
          嫌疑人编号: { filterType: 'text', type: 'equals', filter: error.嫌疑人编号 },
        },
      })
      expect(page.total).toBe(1)
      for (const change of error.fields) {
        const field = fields.get(change.field)!
        expect(textOf(page.rows[0], field), `${error.rule} ${change.field}`).toBe(
          expectedText(change.to, field),
        )
      }
    }
  })

  it('gives the same monthly aggregates in the workspace as in the exported files', async () => {
    const ws = testWorkspace()
    const result = await ws.call('demo/create', { persons: 2000, from: '2023-01', to: '2023-12', seed: 11 })
    const data = readDemo(path.dirname(result.manifest))
    for (const i of result.imports) {
      const fields = (await ws.call('dataset/get', { datasetId: i.datasetId })).fields
      const column = (name: string) => ident(fields.find((f) => f.name === name)!.column)
      const rows = all<{ unit: string; month: string; n: number }>(
        ws.db,
        sql`SELECT ${column('承办单位')} AS unit, substr(${column('受理日期')}, 1, 7) AS month, count(*) AS n
            FROM ${ident(`records_${i.datasetId}`)} WHERE _superseded_by IS NULL GROUP BY 1, 2`,
      )
      const expected = countBy(data.rows[i.kind as '010101' | '020101'], (r) => r['受理日期'].slice(0, 7))
      expect(rows.length).toBe([...expected.values()].reduce((s, m) => s + m.size, 0))
      for (const row of rows) expect(expected.get(row.unit)!.get(row.month)).toBe(row.n)
    }
    expect(fs.existsSync(result.manifest)).toBe(true)
  })

  it('refuses bad arguments with a Chinese message', async () => {
    const ws = testWorkspace()
    const error = await ws.failure('demo/create', { persons: 3000, from: '2025-01', to: '2024-12' })
    expect(error.code).toBe('BAD_ARGUMENT')
    expect((await ws.failure('demo/create', { persons: 10 })).message).toMatch(/参数不正确/)
  })
})
