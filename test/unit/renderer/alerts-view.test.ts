import { describe, expect, it } from 'vitest'
import type { AnomalyWarning } from '../../../shared/ipc/anomaly-contract.ts'
import type { UnitSummary } from '../../../shared/ipc/contract.ts'
import {
  acknowledgementText,
  baselineText,
  changeLabel,
  countWarnings,
  deltaText,
  filterWarnings,
  hasSubordinates,
  INITIAL_FILTERS,
  magnitude,
  movementTone,
  severityText,
  severityTone,
  shareText,
  sortWarnings,
  topicMatches,
  topicOptions,
  unitScopes,
  withAcknowledgements,
  zText,
} from '../../../renderer/src/pages/alerts/alertsView.ts'
import type { AlertFilters } from '../../../renderer/src/pages/alerts/alertsView.ts'

function warning(patch: Partial<AnomalyWarning> & { id: string }): AnomalyWarning {
  return {
    indicator: '不捕率',
    name: '不捕率',
    unit: '320102',
    unitName: '南京市玄武区人民检察院',
    unitLevel: 'county',
    period: '2024Q3',
    periodLabel: '2024年第三季度',
    kind: '升降',
    severity: 'high',
    severityLabel: '高',
    movement: 'up',
    direction: 'down',
    displayUnit: '%',
    precision: 1,
    message: '玄武区院2024年第三季度不捕率45.2%，同比上升12.3个百分点',
    value: 45.2,
    numerator: 45,
    denominator: 100,
    display: '45.2%',
    baseline: 32.9,
    baselineLabel: '去年同期',
    compareTo: 'yoy',
    comparePeriod: '2023Q3',
    window: '2024Q3',
    change: 12.3,
    changeUnit: '百分点',
    z: 4.5,
    expected: null,
    lower: null,
    upper: null,
    peers: null,
    peerLabel: null,
    sparkline: [],
    cause: null,
    acknowledged: null,
    suppressed: null,
    ...patch,
  }
}

const topics = new Map([
  ['不捕率', { theme: '审查逮捕', tags: ['核心指标', '捕诉'] }],
  ['受理人数', { theme: '案件总量', tags: ['总量'] }],
])

const ack = { note: '已核实', reviewer: '张三', at: '2026-01-15T01:30:00.000Z' }

const list = [
  warning({ id: 'a', severity: 'low', severityLabel: '低', z: 9, movement: 'down' }),
  warning({ id: 'b', severity: 'high', z: 4.2 }),
  warning({ id: 'c', severity: 'high', z: -6.1, kind: '离群' }),
  warning({ id: 'd', severity: 'medium', severityLabel: '中', kind: '空白', indicator: '受理人数', z: null }),
  warning({ id: 'e', severity: 'low', suppressed: '样本过少', z: 99 }),
  warning({ id: 'f', severity: 'high', acknowledged: ack, z: 10 }),
]

const filters = (patch: Partial<AlertFilters> = {}): AlertFilters => ({ ...INITIAL_FILTERS, ...patch })
const ids = (ws: readonly AnomalyWarning[]) => ws.map((w) => w.id)

describe('warning list order and filters', () => {
  it('sorts held-back candidates last, then by severity, then by |z|', () => {
    expect(ids(sortWarnings(list))).toEqual(['f', 'c', 'b', 'd', 'a', 'e'])
  })

  it('hides acknowledged warnings by default and shows held-back ones muted at the end', () => {
    expect(ids(filterWarnings(list, filters(), topics))).toEqual(['c', 'b', 'd', 'a', 'e'])
    expect(ids(filterWarnings(list, filters({ showAcknowledged: true }), topics))).toEqual([
      'f',
      'c',
      'b',
      'd',
      'a',
      'e',
    ])
    expect(ids(filterWarnings(list, filters({ showSuppressed: false }), topics))).toEqual([
      'c',
      'b',
      'd',
      'a',
    ])
  })

  it('filters by kind, severity and indicator theme or tag', () => {
    expect(ids(filterWarnings(list, filters({ kinds: ['离群', '空白'] }), topics))).toEqual(['c', 'd'])
    // A severity filter keeps held-back candidates (their severity is not a judgement).
    expect(ids(filterWarnings(list, filters({ severities: ['high'] }), topics))).toEqual(['c', 'b', 'e'])
    expect(ids(filterWarnings(list, filters({ topic: 'theme:案件总量' }), topics))).toEqual(['d'])
    expect(ids(filterWarnings(list, filters({ topic: 'tag:捕诉', showSuppressed: false }), topics))).toEqual([
      'c',
      'b',
      'a',
    ])
  })

  it('counts each facet with the other filters applied', () => {
    const all = countWarnings(list, filters(), topics)
    expect(all.byKind).toEqual({ 升降: 2, 空白: 1, 离群: 1, 季节异常: 0 })
    expect(all.bySeverity).toEqual({ high: 2, medium: 1, low: 1 })
    expect(all.warnings).toBe(4)
    expect(all.suppressed).toBe(1)
    expect(all.acknowledged).toBe(1)

    const high = countWarnings(list, filters({ severities: ['high'] }), topics)
    expect(high.byKind).toEqual({ 升降: 1, 空白: 0, 离群: 1, 季节异常: 0 })
    // The severity chips still count every severity (of the kinds chosen).
    expect(high.bySeverity).toEqual({ high: 2, medium: 1, low: 1 })
    expect(high.warnings).toBe(2)

    const shown = countWarnings(list, filters({ showAcknowledged: true, kinds: ['升降'] }), topics)
    expect(shown.bySeverity).toEqual({ high: 2, medium: 0, low: 1 })
    expect(shown.warnings).toBe(3)
  })

  it('applies acknowledgements made since the list was read', () => {
    const changed = withAcknowledgements(
      list,
      new Map([
        ['b', ack],
        ['f', null],
      ]),
    )
    expect(changed.find((w) => w.id === 'b')?.acknowledged).toEqual(ack)
    expect(changed.find((w) => w.id === 'f')?.acknowledged).toBeNull()
    expect(ids(filterWarnings(changed, filters({ showSuppressed: false }), topics))).toEqual([
      'f',
      'c',
      'd',
      'a',
    ])
  })

  it('measures how unusual a warning is by |z|, else by |change|', () => {
    expect(magnitude({ z: -3, change: 50 })).toBe(3)
    expect(magnitude({ z: null, change: -250 })).toBe(2.5)
    expect(magnitude({ z: null, change: null })).toBe(0)
  })
})

describe('direction-aware tones and texts', () => {
  it('colours 高 red, 低 green, 中 amber and held-back grey', () => {
    expect(severityTone({ severity: 'high', suppressed: null })).toBe('bad')
    expect(severityTone({ severity: 'low', suppressed: null })).toBe('good')
    expect(severityTone({ severity: 'medium', suppressed: null })).toBe('warn')
    expect(severityTone({ severity: 'high', suppressed: '样本过少' })).toBe('muted')
    expect(severityText({ severityLabel: '高', suppressed: null })).toBe('高')
    expect(severityText({ severityLabel: '低', suppressed: '样本过少' })).toBe('样本过少')
  })

  it('reads a movement through the indicator direction', () => {
    expect(movementTone({ direction: 'down', movement: 'up' })).toBe('bad')
    expect(movementTone({ direction: 'up', movement: 'up' })).toBe('good')
    expect(movementTone({ direction: 'range', movement: 'down' })).toBe('neutral')
    expect(movementTone({ direction: 'up', movement: null })).toBe('neutral')
  })

  it('writes changes in 百分点 for rates and % otherwise', () => {
    expect(changeLabel({ change: 12.345, changeUnit: '百分点' })).toBe('+12.3个百分点')
    expect(changeLabel({ change: -45, changeUnit: '%' })).toBe('-45.0%')
    expect(changeLabel({ change: null, changeUnit: '%' })).toBe('—')
  })

  it('writes contributions in display units', () => {
    expect(deltaText(2.345, '%', 1)).toBe('+2.3个百分点')
    expect(deltaText(-0.5, '‰', 2)).toBe('-0.50个千分点')
    expect(deltaText(15, '人', 0)).toBe('+15人')
    expect(deltaText(-4, '天', 1)).toBe('-4.0天')
    expect(deltaText(0.123, '比值', 2)).toBe('+0.12')
    expect(deltaText(0.001, '%', 1)).toBe('0.0个百分点')
    expect(deltaText(null, '%', 1)).toBe('—')
    expect(shareText(0.9479)).toBe('94.8%')
    expect(shareText(-0.261)).toBe('-26.1%')
    expect(shareText(null)).toBe('—')
  })

  it('states the baseline of each kind', () => {
    const w = warning({ id: 'x' })
    expect(baselineText(w)).toBe('去年同期 32.9%')
    expect(
      baselineText({
        ...w,
        kind: '季节异常',
        baseline: 9.41,
        expected: 9.41,
        lower: 0,
        upper: 20.31,
        displayUnit: '天',
        baselineLabel: '按往年同期推算的预期',
      }),
    ).toBe('预期 9.4天（0.0天～20.3天）')
    expect(baselineText({ ...w, kind: '离群', baseline: 16.45, baselineLabel: '全省基层院中位数' })).toBe(
      '全省基层院中位数 16.5%',
    )
    expect(baselineText({ ...w, kind: '空白', baseline: 23, baselineLabel: '通常' })).toBe('通常 23')
  })

  it('names how unusual a warning is for its kind', () => {
    expect(zText({ kind: '升降', z: 4.51 })).toBe('正常波动的4.51倍')
    expect(zText({ kind: '离群', z: -5.57 })).toBe('稳健z值 5.57')
    expect(zText({ kind: '季节异常', z: 4.1 })).toBe('4.10个标准差')
    expect(zText({ kind: '空白', z: null })).toBe('')
  })

  it('writes an acknowledgement with who, when (local time) and the note', () => {
    expect(acknowledgementText(ack)).toMatch(/^张三 于 2026-01-1[45] \d{2}:\d{2}:00 确认：已核实$/)
    expect(acknowledgementText({ note: '', reviewer: null, at: 'x' })).toBe('（未署名） 于 x 确认')
  })
})

describe('toolbar options', () => {
  const unit = (code: string, name: string, level: UnitSummary['level'], parent: string | null) => ({
    code,
    name: `${name}人民检察院`,
    shortName: null,
    level,
    parent,
  })
  const units: UnitSummary[] = [
    unit('320000', '江苏省', 'province', null),
    unit('320200', '无锡市', 'city', '320000'),
    unit('320100', '南京市', 'city', '320000'),
    unit('320102', '南京市玄武区', 'county', '320100'),
  ]

  it('offers every unit or one 市院 with its 基层院', () => {
    expect(unitScopes(units)).toEqual([
      { code: null, label: '全部单位' },
      { code: '320100', label: '南京市及所辖基层院' },
      { code: '320200', label: '无锡市及所辖基层院' },
    ])
    expect(hasSubordinates(units, '320100')).toBe(true)
    expect(hasSubordinates(units, '320102')).toBe(false)
  })

  it('offers themes and tags, and matches an indicator against them', () => {
    const options = topicOptions([...topics.values()])
    expect(options.themes.map((t) => t.value)).toEqual(['theme:审查逮捕', 'theme:案件总量'])
    expect(options.tags.map((t) => t.label).sort()).toEqual(['捕诉', '核心指标', '总量'].sort())
    expect(topicMatches(null, undefined)).toBe(true)
    expect(topicMatches('tag:捕诉', topics.get('不捕率'))).toBe(true)
    expect(topicMatches('theme:案件总量', topics.get('不捕率'))).toBe(false)
    expect(topicMatches('tag:捕诉', undefined)).toBe(false)
  })
})
