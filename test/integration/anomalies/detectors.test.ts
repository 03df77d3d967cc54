/**
 * The anomaly channels on a small synthetic province imported through the real importer: eight
 * 基层院 with steady monthly caseloads and four injected anomalies — a blank month, a fivefold month,
 * a quarter far from the peers, a fivefold February (judged with January against the 春节 shift) —
 * and a tiny unit whose jump is 样本过少. Checks what anomaly/list finds and says, acknowledgements,
 * thresholds, root cause (the contributions add up, the drill-down scopes open the right records) and
 * the forecast; and that the scan's window figures are the indicator engine's.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { AnomalyScan } from '../../../electron/engine/anomalies/scan.ts'
import { createLocalHost } from '../../../electron/engine/host/local-host.ts'
import { importIndicators } from '../../../electron/engine/indicators/definitions.ts'
import { saveUnits } from '../../../electron/engine/units/unit-store.ts'
import type { AnomalyWarning } from '../../../shared/ipc/anomaly-contract.ts'
import type { Channel, ChannelArgs, ChannelResults, UnitSummary } from '../../../shared/ipc/contract.ts'
import { monthIndex, parsePeriod, type Window } from '../../../shared/indicators/period.ts'
import {
  caseNumber,
  definitionsText,
  importRows,
  T_CONCLUDED_CASES,
  T_CONCLUDED_PERSONS,
  T_NON_ARREST,
  type Row,
} from '../../helpers/indicator-data.ts'
import { Random } from '../../helpers/seeded-random.ts'
import { testWorkspace } from '../../helpers/workspace.ts'

const unit = (
  code: string,
  name: string,
  level: UnitSummary['level'],
  parent: string | null,
): UnitSummary => ({
  code,
  name,
  shortName: null,
  level,
  parent,
})
const UNITS: UnitSummary[] = [
  unit('320000', '江苏省人民检察院', 'province', null),
  unit('320100', '南京市人民检察院', 'city', '320000'),
  unit('320200', '无锡市人民检察院', 'city', '320000'),
  unit('320102', '南京市玄武区人民检察院', 'county', '320100'),
  unit('320104', '南京市秦淮区人民检察院', 'county', '320100'),
  unit('320105', '南京市建邺区人民检察院', 'county', '320100'),
  unit('320106', '南京市鼓楼区人民检察院', 'county', '320100'),
  unit('320205', '无锡市锡山区人民检察院', 'county', '320200'),
  unit('320206', '无锡市惠山区人民检察院', 'county', '320200'),
  unit('320211', '无锡市滨湖区人民检察院', 'county', '320200'),
  unit('320213', '无锡市梁溪区人民检察院', 'county', '320200'),
]
const COUNTIES = UNITS.filter((u) => u.level === 'county').map((u) => u.code)
const COLUMNS = [
  '部门受案号',
  '嫌疑人编号',
  '嫌疑人姓名',
  '受理日期',
  '审结处理结果',
  '审结日期',
  '审结案由',
  '承办检察官',
  '不捕情形',
  '应当逮捕情形',
]
const CHARGES = ['危险驾驶罪', '盗窃罪', '诈骗罪', '帮助信息网络犯罪活动罪']
const INDICATORS = ['T审结人数', 'T不捕率', 'T审结件数']

/** The injected anomalies. */
const BLANK = { unit: '320102', month: '2025-03' }
const JUMP = { unit: '320105', month: '2023-11' }
const OUTLIER = { unit: '320206', quarter: '2024Q3' }
const FEBRUARY = { unit: '320211', month: '2025-02' }
const TINY = { unit: '320213', month: '2024-06' }

/** Persons concluded by a unit in a month, and how likely each is not arrested. */
function plan(random: Random, code: string, key: string): { persons: number; refuse: number } {
  if (code === BLANK.unit && key === BLANK.month) return { persons: 0, refuse: 0.3 }
  if (code === TINY.unit) return { persons: key === TINY.month ? 12 : random.int(2, 4), refuse: 0.3 }
  let persons = random.int(52, 68)
  if ((code === JUMP.unit && key === JUMP.month) || (code === FEBRUARY.unit && key === FEBRUARY.month))
    persons *= 5
  const quarter =
    OUTLIER.quarter === `${key.slice(0, 4)}Q${Math.floor((Number(key.slice(5, 7)) - 1) / 3) + 1}`
  return { persons, refuse: code === OUTLIER.unit && quarter ? 0.8 : 0.3 }
}

function rows(): Row[] {
  const random = new Random(20260115)
  const out: Row[] = []
  let n = 0
  for (let m = monthIndex(2022, 1); m <= monthIndex(2025, 6); m++) {
    const key = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`
    for (const code of COUNTIES) {
      const { persons, refuse } = plan(random, code, key)
      for (let i = 0; i < persons; i++) {
        n++
        const charge =
          code === JUMP.unit && key === JUMP.month && i >= persons / 5 ? '危险驾驶罪' : random.pick(CHARGES)
        out.push({
          部门受案号: caseNumber('010101', code, n, Math.floor(m / 12)),
          嫌疑人编号: `X${n}`,
          嫌疑人姓名: `嫌疑人${n}`,
          受理日期: `${key}-03`,
          审结处理结果: random.chance(refuse) ? '不批准逮捕' : '批准逮捕',
          审结日期: `${key}-${String(random.int(8, 27)).padStart(2, '0')}`,
          审结案由: charge,
          承办检察官: `检察官${code.slice(4)}${random.int(1, 4)}`,
        })
      }
    }
  }
  return out
}

type Ws = ReturnType<typeof testWorkspace>

async function province(): Promise<Ws> {
  const ws = testWorkspace()
  saveUnits(ws.db, UNITS)
  await importRows(ws.db, ws.dir, '审查逮捕.csv', COLUMNS, rows())
  importIndicators(ws.db, definitionsText(T_CONCLUDED_PERSONS, T_NON_ARREST, T_CONCLUDED_CASES), '2026-01-15')
  return ws
}

const list = (ws: Ws, period: string, extra: Record<string, unknown> = {}) =>
  ws.call('anomaly/list', { period, indicators: INDICATORS, ...extra })
const find = (warnings: AnomalyWarning[], indicator: string, code: string, kind: string) =>
  warnings.find((w) => w.indicator === indicator && w.unit === code && w.kind === kind)

describe('anomaly/list on a synthetic province', () => {
  let ws: Ws
  beforeEach(async () => {
    ws = await province()
  })

  it('finds the blank month, says so in Chinese, and lists no fall for it', async () => {
    const result = await list(ws, BLANK.month)
    const blank = find(result.warnings, 'T审结人数', BLANK.unit, '空白')!
    expect(blank).toBeDefined()
    expect(blank.severity).toBe('medium')
    expect(blank.value).toBe(0)
    expect(blank.baseline!).toBeGreaterThan(50)
    expect(blank.message).toMatch(
      /^玄武区院2025年3月测试审结人数为0（此前通常为\d+人），属空白项，请核对是否漏导数据$/,
    )
    // The rate without denominator is blank too; no 升降 / 季节异常 doubles the blank.
    expect(find(result.warnings, 'T不捕率', BLANK.unit, '空白')).toBeDefined()
    expect(result.warnings.filter((w) => w.unit === BLANK.unit && w.kind !== '空白')).toEqual([])
    expect(result.sparklineMonths).toHaveLength(24)
    expect(result.sparklineMonths.at(-1)).toBe(BLANK.month)
    expect(blank.sparkline.at(-1)).toBe(0)
  })

  it('finds the fivefold month as 升降, with its main source in the city', async () => {
    const result = await list(ws, JUMP.month)
    const jump = find(result.warnings, 'T审结人数', JUMP.unit, '升降')!
    expect(jump).toBeDefined()
    expect(jump.compareTo).toBe('yoy')
    expect(jump.comparePeriod).toBe('2022-11')
    expect(jump.change!).toBeGreaterThan(300)
    expect(jump.z!).toBeGreaterThan(6)
    expect(jump.movement).toBe('up')
    expect(jump.severity).toBe('low') // T审结人数 is 正向: more is an improvement
    expect(jump.message).toMatch(
      /^建邺区院2023年11月测试审结人数\d{3}人，同比上升\d+\.\d%（去年同期\d+人），变动幅度为正常波动的\d+\.\d倍；主要来自危险驾驶罪/,
    )
    // One prior year whose level is not known yet (the data start in 2022): no seasonal expectation.
    expect(find(result.warnings, 'T审结人数', JUMP.unit, '季节异常')).toBeUndefined()
    const city = find(result.warnings, 'T审结人数', '320100', '升降')!
    expect(city.cause).toMatchObject({ dimension: 'unit', label: '建邺区院' })
    expect(city.cause!.share!).toBeGreaterThan(0.8)
  })

  it('finds the quarter far from the peers as 离群, against every 基层院 of the province', async () => {
    const result = await list(ws, OUTLIER.quarter)
    const outlier = find(result.warnings, 'T不捕率', OUTLIER.unit, '离群')!
    expect(outlier).toBeDefined()
    expect(outlier.peerLabel).toBe('全省基层院')
    expect(outlier.peers).toBe(7) // the other 基层院 with an adequate sample (梁溪 is too small)
    expect(outlier.value!).toBeGreaterThan(70)
    expect(outlier.baseline!).toBeLessThan(40)
    expect(outlier.severity).toBe('medium') // 不捕率 is 区间
    expect(outlier.message).toMatch(
      /^惠山区院2024年第三季度测试不捕率\d+\.\d%，高于全省基层院中位数\d+\.\d%达\d+\.\d个百分点，约\d+\.\d个标准差/,
    )
  })

  it('judges a February count with January (春节 moves between them) and says so', async () => {
    const result = await list(ws, FEBRUARY.month)
    const february = find(result.warnings, 'T审结人数', FEBRUARY.unit, '升降')!
    expect(february.window).toBe('2025-01..2025-02')
    expect(february.comparePeriod).toBe('2024-01..2024-02')
    expect(february.message).toContain('滨湖区院2025年1至2月（1、2月合并计算，消除春节因素）测试审结人数')
    // With a prior year and its level known, the seasonal expectation sees it too.
    const seasonal = find(result.warnings, 'T审结人数', FEBRUARY.unit, '季节异常')!
    expect(seasonal.expected!).toBeLessThan(seasonal.value! / 2)
    expect(seasonal.upper!).toBeLessThan(seasonal.value!)
    expect(seasonal.message).toMatch(/明显高于按往年同期推算的预期（约\d+人，正常区间\d+人～\d+人）$/)
    // Rates are judged on the month itself.
    expect(
      result.warnings.filter((w) => w.indicator === 'T不捕率').every((w) => w.window === '2025-02'),
    ).toBe(true)
  })

  it('a year after the fivefold month, the fall is a base effect: held back, shown only on request', async () => {
    const plain = await list(ws, '2024-11')
    expect(find(plain.warnings, 'T审结人数', JUMP.unit, '升降')).toBeUndefined()
    expect(plain.counts.baseEffect).toBeGreaterThan(0)
    const all = await list(ws, '2024-11', { includeSuppressed: true })
    const held = all.warnings.find((w) => w.unit === JUMP.unit && w.suppressed === '基数效应')!
    expect(held).toMatchObject({ indicator: 'T审结人数', kind: '升降', severity: 'low', movement: 'down' })
    expect(held.message).toMatch(
      /同比下降\d+\.\d%（去年同期\d+人），主要因去年同期基数异常（去年同期明显偏离其前后各期），未作预警$/,
    )
  })

  it('a tiny unit swinging by hundreds of percent is not alarmed', async () => {
    const result = await list(ws, TINY.month, { includeSuppressed: true })
    expect(result.warnings.filter((w) => w.unit === TINY.unit && w.suppressed === null)).toEqual([])
  })

  it('filters by unit (with its subordinates), kind and severity, most severe first', async () => {
    const nanjing = await list(ws, JUMP.month, { unit: '320100' })
    expect(nanjing.warnings.length).toBeGreaterThan(0)
    expect(
      nanjing.warnings.every((w) => ['320100', '320102', '320104', '320105', '320106'].includes(w.unit)),
    ).toBe(true)
    const seasonal = await list(ws, JUMP.month, { kinds: ['季节异常'] })
    expect(seasonal.warnings.every((w) => w.kind === '季节异常')).toBe(true)
    const medium = await list(ws, JUMP.month, { minSeverity: 'medium' })
    expect(medium.warnings.every((w) => w.severity !== 'low')).toBe(true)
    const ranks = (await list(ws, OUTLIER.quarter)).warnings.map(
      (w) => ({ high: 3, medium: 2, low: 1 })[w.severity],
    )
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a))
  })

  it('a period past the data compares the covered months only, and says so', async () => {
    const result = await list(ws, '2025-05..2025-08')
    expect(result).toMatchObject({
      period: '2025-05..2025-08',
      partial: true,
      coverage: { first: '2022-01', last: '2025-06' },
    })
    expect(result.sparklineMonths.at(-1)).toBe('2025-06')
    expect((await list(ws, '2025-04..2025-06')).period).toBe('2025Q2')
  })

  it('says in Chinese what is wrong with a period, a unit or an indicator', async () => {
    expect((await ws.failure('anomaly/list', { period: '2024季度' })).message).toMatch(
      /期间“2024季度”无法识别/,
    )
    expect((await ws.failure('anomaly/list', { period: '2030Q1' })).message).toMatch(
      /超出数据覆盖范围（2022-01 至 2025-06）/,
    )
    expect((await ws.failure('anomaly/list', { period: '2024Q3', unit: '999999' })).message).toBe(
      '单位“999999”不在单位列表中。',
    )
    expect((await ws.failure('anomaly/list', { period: '2024Q3', indicators: ['没有的指标'] })).message).toBe(
      '没有名为“没有的指标”的指标。',
    )
  })
})

describe('acknowledgements and thresholds', () => {
  it('an acknowledged warning leaves the list, keeps its note through recomputation and a reopened workspace, and can be undone', async () => {
    const ws = await province()
    const args = { indicator: 'T审结人数', unit: BLANK.unit, period: BLANK.month, kind: '空白' as const }
    expect((await ws.failure('anomaly/acknowledge', { ...args, note: '  ' })).message).toMatch(
      /请填写确认说明/,
    )
    const done = await ws.call('anomaly/acknowledge', {
      ...args,
      period: '2025-03..2025-03',
      note: '已核实：当月系统故障未录入',
      reviewer: '张三',
    })
    expect(done).toMatchObject({
      period: '2025-03',
      acknowledged: { note: '已核实：当月系统故障未录入', reviewer: '张三' },
    })
    const hidden = await list(ws, BLANK.month)
    expect(find(hidden.warnings, 'T审结人数', BLANK.unit, '空白')).toBeUndefined()
    expect(hidden.counts.acknowledged).toBeGreaterThan(0)
    const shown = await list(ws, BLANK.month, { includeAcknowledged: true })
    expect(find(shown.warnings, 'T审结人数', BLANK.unit, '空白')!.acknowledged).toMatchObject({
      note: '已核实：当月系统故障未录入',
      reviewer: '张三',
    })
    // Other kinds and indicators of the same unit and period are not acknowledged by it.
    expect(find(hidden.warnings, 'T不捕率', BLANK.unit, '空白')).toBeDefined()

    await ws.host.close()
    const again = createLocalHost(ws.dbPath)
    const call = async <C extends Channel>(channel: C, args: ChannelArgs<C>) => {
      const envelope = await again.call(channel, args)
      if (!envelope.ok) throw new Error(envelope.error.message)
      return envelope.value as ChannelResults[C]
    }
    try {
      const reopened = await call('anomaly/list', {
        period: BLANK.month,
        indicators: INDICATORS,
        includeAcknowledged: true,
      })
      expect(find(reopened.warnings, 'T审结人数', BLANK.unit, '空白')!.acknowledged!.note).toBe(
        '已核实：当月系统故障未录入',
      )
      expect((await call('anomaly/acknowledge', { ...args, undo: true })).acknowledged).toBeNull()
      const after = await call('anomaly/list', { period: BLANK.month, indicators: INDICATORS })
      expect(find(after.warnings, 'T审结人数', BLANK.unit, '空白')).toBeDefined()
    } finally {
      await again.close()
    }
  })

  it('per-indicator thresholds change what is found, and reset', async () => {
    const ws = await province()
    const before = await ws.call('anomaly/settings', { indicator: 'T审结人数' })
    expect(before.effective).toMatchObject({ changeRate: 5, changeRelative: 20, minSample: 10 })
    const set = await ws.call('anomaly/settings', {
      indicator: 'T审结人数',
      set: { zChange: 50, zSeason: 50 },
    })
    expect(set.effective).toMatchObject({ zChange: 50, zSeason: 50 })
    expect(set.overrides).toEqual({ T审结人数: { zChange: 50, zSeason: 50 } })
    expect(find((await list(ws, JUMP.month)).warnings, 'T审结人数', JUMP.unit, '升降')).toBeUndefined()
    await ws.call('anomaly/settings', { indicator: 'T审结人数', set: null })
    expect(find((await list(ws, JUMP.month)).warnings, 'T审结人数', JUMP.unit, '升降')).toBeDefined()
    // Workspace defaults apply to every indicator; kinds can be switched off.
    await ws.call('anomaly/settings', { set: { kinds: ['空白'] } })
    expect((await list(ws, JUMP.month)).warnings).toEqual([])
    expect((await ws.failure('anomaly/settings', { set: { zChange: -1 } })).message).toMatch(/参数不正确/)
  })
})

describe('anomaly/explain', () => {
  it('by sub-unit: the fivefold month of 建邺 is nearly all of 南京 change; the parts add up', async () => {
    const ws = await province()
    const e = await ws.call('anomaly/explain', {
      indicator: 'T审结人数',
      unit: '320100',
      period: JUMP.month,
      dimension: 'unit',
      limit: 2,
    })
    expect(e.method).toBe('difference')
    expect(e.comparePeriod).toBe('2022-11')
    expect(e.contributions[0]).toMatchObject({ key: '320105', label: '建邺区院', mix: null, rate: null })
    expect(e.contributions[0].share!).toBeGreaterThan(0.8)
    const sum = e.contributions.reduce((s, c) => s + c.total, 0) + (e.other?.total ?? 0)
    expect(sum).toBeCloseTo(e.change!, 9)
    const figures = await ws.call('indicator/compute', {
      period: JUMP.month,
      indicators: ['T审结人数'],
      units: ['320100'],
    })
    expect(e.after).toBe(figures.results[0].value)
    expect(e.before).toBe(figures.results[0].yoy.value)
    expect(e.waterfall[0]).toMatchObject({ kind: 'start', to: e.before })
    expect(e.waterfall.at(-1)).toMatchObject({ kind: 'end', to: e.after })
    // Its drill-down opens the part's records.
    const scope = e.contributions[0].scopes[0]
    const page = await ws.call('records/page', {
      datasetId: scope.datasetId,
      scope: scope.scope,
      startRow: 0,
      endRow: 10,
    })
    expect(page.total).toBe(e.contributions[0].after.numerator)
  })

  it('by 案由: a rate splits into mix and rate effects that add up to its change, each part drillable', async () => {
    const ws = await province()
    const e = await ws.call('anomaly/explain', {
      indicator: 'T不捕率',
      unit: OUTLIER.unit,
      period: OUTLIER.quarter,
      compareTo: 'yoy',
      dimension: 'charge',
    })
    expect(e.method).toBe('shiftShare')
    expect(e.fields).toEqual([{ datasetId: expect.any(Number), field: '审结案由' }])
    expect(new Set(e.contributions.map((c) => c.label))).toEqual(new Set(CHARGES))
    for (const c of e.contributions) expect(c.mix! + c.rate!).toBeCloseTo(c.total, 9)
    expect(e.contributions.reduce((s, c) => s + c.total, 0)).toBeCloseTo(e.change!, 9)
    const figures = await ws.call('indicator/compute', {
      period: OUTLIER.quarter,
      indicators: ['T不捕率'],
      units: [OUTLIER.unit],
    })
    expect(e.after).toBeCloseTo(figures.results[0].value!, 9)
    expect(e.change!).toBeCloseTo(figures.results[0].yoy.change!, 9)
    const part = e.contributions[0]
    const numerator = part.scopes.find((s) => s.part === 'numerator')!
    expect(numerator.scope.match).toEqual({ field: '审结案由', values: [part.label] })
    const page = await ws.call('records/page', {
      datasetId: numerator.datasetId,
      scope: numerator.scope,
      startRow: 0,
      endRow: 5,
    })
    expect(page.total).toBe(part.after.numerator)
    expect(page.rows.every((r) => r['审结案由'] === part.label && r['审结处理结果'] === '不批准逮捕')).toBe(
      true,
    )
  })

  it('by 承办检察官, by case type (罪名类别 of the 案由), and 件 counted per case', async () => {
    const ws = await province()
    const prosecutors = await ws.call('anomaly/explain', {
      indicator: 'T审结人数',
      unit: JUMP.unit,
      period: JUMP.month,
      dimension: 'prosecutor',
    })
    expect(prosecutors.contributions.every((c) => /^检察官05[1-4]$/.test(c.label))).toBe(true)
    const types = await ws.call('anomaly/explain', {
      indicator: 'T审结人数',
      unit: JUMP.unit,
      period: JUMP.month,
      dimension: 'caseType',
    })
    expect(types.contributions[0].label).toBe('危害公共安全罪') // 危险驾驶罪
    expect(types.contributions.reduce((s, c) => s + c.total, 0)).toBeCloseTo(types.change!, 9)
    const cases = await ws.call('anomaly/explain', {
      indicator: 'T审结件数',
      unit: JUMP.unit,
      period: JUMP.month,
      dimension: 'charge',
    })
    const figures = await ws.call('indicator/compute', {
      period: JUMP.month,
      indicators: ['T审结件数'],
      units: [JUMP.unit],
    })
    expect(cases.after).toBe(figures.results[0].value)
    expect(cases.before).toBe(figures.results[0].yoy.value)
  })

  it('says why it cannot', async () => {
    const ws = await province()
    expect(
      (
        await ws.failure('anomaly/explain', {
          indicator: 'T审结人数',
          unit: JUMP.unit,
          period: JUMP.month,
          dimension: 'unit',
        })
      ).message,
    ).toBe('南京市建邺区人民检察院没有下级院，请按案由、承办检察官或案件类别分析。')
    expect(
      (
        await ws.failure('anomaly/explain', {
          indicator: '审查逮捕办案天数中位数',
          unit: '320100',
          period: JUMP.month,
        })
      ).message,
    ).toMatch(/中位数、比率之和等不能按部分相加的指标，无法分解/)
  })
})

describe('anomaly/forecast', () => {
  it('the next months of a steady unit: near its level, inside a sensible interval', async () => {
    const ws = await province()
    const f = await ws.call('anomaly/forecast', {
      indicator: 'T审结人数',
      unit: '320104',
      months: 3,
      history: 12,
    })
    expect(f.method).toBe('seasonalMean')
    expect(f.history).toHaveLength(12)
    expect(f.history.at(-1)!.month).toBe('2025-06')
    expect(f.points.map((p) => p.month)).toEqual(['2025-07', '2025-08', '2025-09'])
    for (const p of f.points) {
      expect(p.expected!).toBeGreaterThan(45)
      expect(p.expected!).toBeLessThan(75)
      expect(p.lower!).toBeLessThan(p.expected!)
      expect(p.upper!).toBeGreaterThan(p.expected!)
      expect(p.lower!).toBeGreaterThanOrEqual(0)
    }
    const rate = await ws.call('anomaly/forecast', {
      indicator: 'T不捕率',
      unit: '320104',
      months: 1,
      level: 0.99,
    })
    expect(rate.points[0].upper!).toBeLessThanOrEqual(100)
  })
})

describe('the scan reads the indicator engine', () => {
  it('a window figure from the monthly prefix sums equals indicator/compute for it', async () => {
    const ws = await province()
    const scan = new AnomalyScan(ws.db, {
      today: '2026-01-15',
      indicators: INDICATORS,
      from: 0,
      to: 2100 * 12,
    })
    const random = new Random(5)
    for (let i = 0; i < 30; i++) {
      const definition = random.pick(scan.selected)
      const code = random.pick(UNITS).code
      const from = random.int(scan.from, scan.to - 1)
      const w: Window = { from, to: random.int(from, Math.min(scan.to, from + 14)) }
      const obs = scan.obs(scan.seriesOf(definition, code), w)!
      const figure = scan.evaluator.figure(definition, code, w, false)
      expect(obs.value === null ? null : Number(obs.value.toFixed(9))).toBe(
        figure.value === null ? null : Number(figure.value.toFixed(9)),
      )
    }
    expect(scan.form(scan.selected.find((d) => d.id === 'T不捕率')!)).toBe('ratio')
    expect(scan.sampling(scan.selected.find((d) => d.id === 'T不捕率')!)).toBe('binomial')
    const period = parsePeriod('2025-06')
    expect(period.ok && scan.valid(period.period, 3)).toBe(true)
  })
})

describe('the Word report draws 存在问题 from the warning centre', () => {
  it('writes the period’s warnings for the unit and its 基层院, and leaves out acknowledged ones', async () => {
    const ws = await province()
    const build = async () =>
      JSON.stringify(
        await ws.call('report/build', { template: 'quarterly', period: JUMP.month, unit: '320100' }),
      )
    const { warnings } = await ws.call('anomaly/list', { period: JUMP.month, unit: '320100' })
    const report = await build()
    const written = warnings.filter((w) => report.includes(w.message))
    // The fivefold month at 建邺区院 reaches the report through the warnings of the library indicators.
    expect(written.some((w) => w.unit === JUMP.unit && w.kind === '升降')).toBe(true)
    const first = written[0]
    await ws.call('anomaly/acknowledge', {
      indicator: first.indicator,
      unit: first.unit,
      period: first.period,
      kind: first.kind,
      note: '已核实：专项行动集中办结',
    })
    expect(await build()).not.toContain(first.message)
  })
})
