/**
 * `yanpan indicators`: the CLI entry (main(argv, io) of electron/engine/cli/main.ts, which bin/yanpan.mjs
 * runs) on a workspace file with imported 010101 data and user definitions.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../electron/engine/cli/main.ts'
import { importIndicators } from '../../../electron/engine/indicators/definitions.ts'
import { openWorkspace } from '../../../electron/engine/store/database.ts'
import { saveUnits } from '../../../electron/engine/units/unit-store.ts'
import type { IndicatorResult } from '../../../shared/ipc/indicator-contract.ts'
import {
  ARREST_COLUMNS,
  caseNumber,
  definitionsText,
  importRows,
  JIANGSU,
  T_CONCLUDED_PERSONS,
  T_NON_ARREST,
  type Row,
} from '../../helpers/indicator-data.ts'

/** [unit, 审结日期, 审结处理结果, persons]. */
const DATA: [string, string, string, number][] = [
  ['320102', '2023-08-10', '批准逮捕', 3],
  ['320102', '2023-08-11', '不批准逮捕', 1],
  ['320102', '2024-05-20', '批准逮捕', 1],
  ['320102', '2024-05-21', '不批准逮捕', 1],
  ['320102', '2024-07-01', '批准逮捕', 2],
  ['320102', '2024-09-30', '不批准逮捕', 2],
  ['320105', '2024-08-15', '批准逮捕', 4],
  ['320105', '2024-08-16', '不予决定逮捕', 1],
]

// Kept for every test of the file (tempDir() would remove it after the first test).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-cli-'))
const db = path.join(dir, 'workspace.db')
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), progress: () => {} })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

beforeAll(async () => {
  const workspace = openWorkspace(db)
  saveUnits(workspace, JIANGSU)
  const rows: Row[] = []
  DATA.forEach(([unit, date, outcome, n], i) => {
    for (let k = 0; k < n; k++)
      rows.push({
        部门受案号: caseNumber('010101', unit, i * 10 + k, Number(date.slice(0, 4))),
        嫌疑人编号: `X${i}-${k}`,
        受理日期: date,
        审结处理结果: outcome,
        审结日期: date,
      })
  })
  await importRows(workspace, dir, '审查逮捕.csv', ARREST_COLUMNS, rows)
  importIndicators(workspace, definitionsText(T_NON_ARREST, T_CONCLUDED_PERSONS), '2026-01-15')
  workspace.close()
})

describe('yanpan indicators', () => {
  it('--json prints the figures with 口径, 同比 and 环比', async () => {
    const run = await cli(
      'indicators',
      '--period',
      '2024Q3',
      '--unit',
      '320102',
      '--indicator',
      'T不捕率',
      '--json',
      '--db',
      db,
    )
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    const items = JSON.parse(run.out) as IndicatorResult[]
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({
      indicator: 'T不捕率',
      unit: '320102',
      period: '2024Q3',
      value: 50,
      numerator: 2,
      denominator: 4,
      caliber: '标准',
      yoy: { period: '2023Q3', value: 25, numerator: 1, denominator: 4, change: 25, changeUnit: '百分点' },
      mom: { period: '2024Q2', value: 50, numerator: 1, denominator: 2, change: 0, changeUnit: '百分点' },
      partial: false,
    })
  })

  it('takes several units and indicators, by id or name, comma separated or repeated', async () => {
    const run = await cli(
      'indicators',
      '--period',
      '2024Q3',
      '--unit',
      '320102,320105',
      '--unit',
      '320100',
      '--indicator',
      'T不捕率',
      '--indicator',
      '测试审结人数',
      '--json',
      '--db',
      db,
    )
    expect(run.code, run.err).toBe(0)
    const items = JSON.parse(run.out) as IndicatorResult[]
    expect(items.map((r) => [r.indicator, r.unit, r.numerator, r.denominator])).toEqual([
      ['T不捕率', '320102', 2, 4],
      ['T不捕率', '320105', 1, 5],
      ['T不捕率', '320100', 3, 9],
      ['T审结人数', '320102', 4, null],
      ['T审结人数', '320105', 5, null],
      ['T审结人数', '320100', 9, null],
    ])
    // --own: the city's own cases only (none).
    const own = await cli(
      'indicators',
      '--period',
      '2024Q3',
      '--unit',
      '320100',
      '--indicator',
      'T审结人数',
      '--own',
      '--json',
      '--db',
      db,
    )
    expect(JSON.parse(own.out)[0]).toMatchObject({ unit: '320100', value: 0 })
  })

  it('prints a table without --json', async () => {
    const run = await cli(
      'indicators',
      '--period',
      '2024Q3',
      '--unit',
      '320102',
      '--indicator',
      'T不捕率',
      '--db',
      db,
    )
    expect(run.code).toBe(0)
    const lines = run.out.split('\n')
    expect(lines[0]).toBe('2024年第三季度（数据覆盖 2023-08 至 2024-09）')
    expect(lines[1]).toBe(['单位', '指标', '数值', '分子/分母', '同比', '环比', '排名', '口径'].join('\t'))
    expect(lines[2]).toBe(
      [
        '南京市玄武区人民检察院',
        '测试不捕率',
        '50.0%',
        '2/4',
        '+25.0个百分点',
        '0.0个百分点',
        '1/2',
        '标准口径',
      ].join('\t'),
    )
  })

  it('fails in Chinese on a bad period, an unknown indicator or unit, and without --period', async () => {
    const bad = await cli('indicators', '--period', '2024Q5', '--unit', '320102', '--json', '--db', db)
    expect(bad.code).not.toBe(0)
    expect(bad.out).toBe('')
    expect(bad.err).toContain('期间“2024Q5”无法识别')
    expect(bad.err).toContain('2024H1（半年）')

    const unknown = await cli(
      'indicators',
      '--period',
      '2024Q3',
      '--indicator',
      '不存在的指标',
      '--json',
      '--db',
      db,
    )
    expect(unknown.code).not.toBe(0)
    expect(unknown.err).toContain('没有名为“不存在的指标”的指标')

    const unit = await cli(
      'indicators',
      '--period',
      '2024Q3',
      '--unit',
      '999999',
      '--indicator',
      'T不捕率',
      '--db',
      db,
    )
    expect(unit.code).not.toBe(0)
    expect(unit.err).toContain('单位“999999”不在单位列表中')

    const month = await cli('indicators', '--period', '2024-13', '--db', db)
    expect(month.code).toBe(1)
    expect(month.err).toContain('期间“2024-13”不是有效的月份')

    const missing = await cli('indicators', '--unit', '320102', '--db', db)
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('请用 --period 指定期间')

    // A mistyped workspace path is an error, not a new empty workspace.
    const nowhere = path.join(dir, 'no-such.db')
    const absent = await cli('indicators', '--period', '2024Q3', '--db', nowhere)
    expect(absent.code).toBe(1)
    expect(absent.err).toContain('不存在')
    expect(fs.existsSync(nowhere)).toBe(false)
  })
})
