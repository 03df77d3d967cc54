/**
 * The composition of a report from hand-made figures: what is written, what is left out, and that
 * superlatives, ranks and averages say only what the figures bear out.
 */
import { describe, expect, it } from 'vitest'
import { composeReport, suggestionTexts } from '../../../electron/engine/reports/compose/compose.ts'
import { indicatorProblems, collectProblems } from '../../../electron/engine/reports/problems.ts'
import type { ReportData, ReportProblem, ReportUnit } from '../../../electron/engine/reports/report-data.ts'
import type { IndicatorResult, IndicatorSummary } from '../../../shared/ipc/indicator-contract.ts'
import { parsePeriod, type Period } from '../../../shared/indicators/period.ts'
import type { ParagraphBlock, ReportModel, TableBlock } from '../../../shared/reports/report-model.ts'
import { templateSchema, type ReportTemplateInput } from '../../../shared/reports/template.ts'

const period = (text: string): Period => {
  const parsed = parsePeriod(text)
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.period
}

const unit = (
  code: string,
  name: string,
  short: string,
  level: ReportUnit['level'],
  parent: string | null,
) => ({
  code,
  name,
  short,
  level,
  parent,
  shortName: null,
})
const PROVINCE = unit('320000', '江苏省人民检察院', '江苏省院', 'province', null)
const CITY = unit('320100', '南京市人民检察院', '南京市院', 'city', '320000')
const CITY2 = unit('320200', '无锡市人民检察院', '无锡市院', 'city', '320000')
const K1 = unit('320102', '南京市玄武区人民检察院', '玄武区院', 'county', '320100')
const K2 = unit('320104', '南京市秦淮区人民检察院', '秦淮区院', 'county', '320100')

const definition = (
  id: string,
  unitOf: IndicatorSummary['unit'],
  precision: number,
  direction: IndicatorSummary['direction'],
): IndicatorSummary => ({
  id,
  name: id,
  description: '',
  theme: '测试',
  tags: [],
  direction,
  unit: unitOf,
  precision,
  calibers: [{ id: '标准', name: '标准口径', measures: {}, formula: 'a' }],
  source: 'library',
  effectiveDirection: direction,
  directionOverridden: false,
})
const DEFINITIONS = [
  definition('不捕率', '%', 1, 'range'),
  definition('受理人数', '人', 0, 'range'),
  definition('诉前羁押率', '%', 1, 'down'),
  definition('审查逮捕受理件数', '件', 0, 'range'),
  definition('审查逮捕受理人数', '人', 0, 'range'),
]

interface FigureSpec {
  value: number | null
  lastYear?: number | null
  change?: number | null
  rank?: number | null
  peers?: number
  average?: number | null
  denominator?: number | null
}

function result(indicator: string, u: ReportUnit, p: Period, spec: FigureSpec): IndicatorResult {
  const d = DEFINITIONS.find((x) => x.id === indicator)!
  return {
    indicator,
    name: indicator,
    unit: u.code,
    unitName: u.name,
    period: p.text,
    periodLabel: p.label,
    caliber: '标准',
    caliberName: '标准口径',
    value: spec.value,
    numerator: spec.value,
    denominator: spec.denominator ?? null,
    display: String(spec.value),
    yoy: {
      period: '2024Q3',
      value: spec.lastYear ?? null,
      numerator: null,
      denominator: spec.denominator ?? null,
      change: spec.change ?? null,
      changeUnit: d.unit === '%' ? '百分点' : '%',
    },
    mom: { period: '2025Q2', value: null, numerator: null, denominator: null, change: null, changeUnit: '%' },
    rank: spec.rank ?? null,
    peers: spec.peers ?? 0,
    peerAverage: spec.average ?? null,
    deviation: null,
    partial: false,
  }
}

/** Figures by indicator and unit code. */
function data(
  figures: Record<string, Record<string, FigureSpec>>,
  history: ReportData['history'] = new Map(),
) {
  const p = period('2025Q3')
  const table: ReportData['figures'] = new Map()
  const all = [PROVINCE, CITY, CITY2, K1, K2]
  for (const [indicator, byUnit] of Object.entries(figures)) {
    const m = new Map<string, IndicatorResult>()
    for (const [code, spec] of Object.entries(byUnit))
      m.set(
        code,
        result(
          indicator,
          all.find((u) => u.code === code)!,
          p,
          spec,
        ),
      )
    table.set(indicator, m)
  }
  const base: ReportData = {
    today: '2026-01-15',
    period: p,
    lastYear: period('2024Q3'),
    yearToDate: null,
    excludeFlagged: false,
    unit: CITY,
    parent: PROVINCE,
    children: [K1, K2],
    peers: [CITY, CITY2],
    compare: [],
    units: new Map(all.map((u) => [u.code, u])),
    definitions: new Map(DEFINITIONS.map((d) => [d.id, d])),
    refs: new Map(DEFINITIONS.map((d) => [d.id, d.id])),
    figures: table,
    yearToDateFigures: null,
    history,
    coverage: { first: '2022-01', last: '2025-12' },
    monthly: null,
    flags: {
      scope: 'period',
      totals: { open: 3, confirmed: 1, rectified: 4, falsePositive: 2, total: 10 },
      byUnit: [
        { unit: '320102', open: 3, confirmed: 1, rectified: 1, falsePositive: 0, total: 5 },
        { unit: '320104', open: 0, confirmed: 0, rectified: 3, falsePositive: 2, total: 5 },
      ],
      byProsecutor: [],
      byRule: [
        {
          rule: 'R006',
          name: '审结日期早于受理日期',
          severity: 'error',
          open: 3,
          confirmed: 1,
          rectified: 4,
          falsePositive: 2,
          total: 10,
        },
      ],
      records: 10,
    },
    provenance: {
      imports: [],
      indicators: [],
      ruleLibrary: { version: 'abc', rules: 1, enabled: 1, userRules: 0, lastRun: null },
      records: { total: 0, flagged: 0, flaggedErrors: 0, rejectedRows: 0, excludeFlagged: false },
    },
    problems: new Map(),
  }
  return base
}

function compose(
  sections: ReportTemplateInput['sections'],
  d: ReportData,
  overrides: Record<string, string> = {},
): ReportModel {
  const template = templateSchema.parse({
    id: 'test',
    name: '测试',
    title: '{单位}{期间}报告',
    appendix: false,
    sections,
  })
  return composeReport({ template: { ...template, source: 'user' }, data: d, overrides })
}

const paragraphs = (model: ReportModel) =>
  model.blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph').map((b) => b.text)

describe('narrative', () => {
  const FIGURES = {
    不捕率: {
      '320100': {
        value: 27.54,
        lastYear: 24.3,
        change: 3.24,
        rank: 2,
        peers: 13,
        average: 25.01,
        denominator: 200,
      },
    },
    受理人数: {
      '320100': { value: 12_345, lastYear: 11_000, change: 12.23, rank: 1, peers: 13, average: 9000 },
    },
    审查逮捕受理件数: { '320100': { value: 97, lastYear: 197, change: -50.76 } },
    审查逮捕受理人数: { '320100': { value: 134, lastYear: 375, change: -64.27 } },
  }

  it('writes figures the way reports do: pairs, 万, changes, ranks and averages', () => {
    const model = compose(
      [
        {
          id: 's1',
          heading: '总体情况',
          blocks: [
            {
              type: 'narrative',
              id: 'n1',
              text: '{期间}，{单位}共受理{受理人数}，{受理人数|同比}。受理审查逮捕案件{审查逮捕受理件数+审查逮捕受理人数}，去年同期为{审查逮捕受理件数+审查逮捕受理人数|去年同期}，{审查逮捕受理件数+审查逮捕受理人数|同比}。不捕率{不捕率}，{不捕率|同比}，{不捕率|与均值比}，{不捕率|排名}。',
            },
          ],
        },
      ],
      data(FIGURES),
    )
    expect(model.title).toBe('南京市人民检察院2025年第三季度报告')
    expect(paragraphs(model)).toEqual([
      '2025年第三季度，南京市人民检察院共受理1.23万人，同比上升12.2%。受理审查逮捕案件97件134人，去年同期为197件375人，件数和人数分别同比下降50.8%、64.3%。不捕率27.5%，同比增加3.2个百分点，高于全省平均水平2.5个百分点，在全省13个市院中由高到低排第2位。',
    ])
  })

  it('claims a superlative only when three years of figures bear it out', () => {
    const text = '不捕率{不捕率}，{不捕率|最值}。'
    const section = [{ id: 's1', heading: '一', blocks: [{ type: 'narrative' as const, id: 'n1', text }] }]
    const record = new Map([['不捕率', new Map([['320100', [20, 18] as [number, number]]])]])
    expect(paragraphs(compose(section, data(FIGURES, record)))).toEqual(['不捕率27.5%，为近三年同期最高。'])
    const notRecord = new Map([['不捕率', new Map([['320100', [28, 18] as [number, number]]])]])
    expect(paragraphs(compose(section, data(FIGURES, notRecord)))).toEqual(['不捕率27.5%。'])
    const uncovered = new Map([['不捕率', new Map([['320100', [null, null] as [null, null]]])]])
    expect(paragraphs(compose(section, data(FIGURES, uncovered)))).toEqual(['不捕率27.5%。'])
  })

  it('writes no sentence on a blank value', () => {
    const model = compose(
      [
        {
          id: 's1',
          heading: '一',
          blocks: [
            {
              type: 'narrative',
              id: 'n1',
              text: '诉前羁押率{诉前羁押率}，{诉前羁押率|同比}。受理{受理人数}。',
            },
          ],
        },
      ],
      data({ ...FIGURES, 诉前羁押率: { '320100': { value: null, change: null } } }),
    )
    expect(paragraphs(model)).toEqual(['受理1.23万人。'])
  })

  it('picks the first case whose conditions hold', () => {
    const block = {
      type: 'narrative' as const,
      id: 'n1',
      text: '不捕率{不捕率|同比}。',
      cases: [
        { when: [{ indicator: '不捕率', test: 'falls' as const }], text: '下降了。' },
        {
          when: [
            { indicator: '不捕率', test: 'rises' as const },
            { indicator: '不捕率', test: 'aboveAverage' as const },
          ],
          text: '上升且高于平均。',
        },
      ],
    }
    expect(paragraphs(compose([{ id: 's1', heading: '一', blocks: [block] }], data(FIGURES)))).toEqual([
      '上升且高于平均。',
    ])
    const flat = data({ ...FIGURES, 不捕率: { '320100': { value: 27.5, change: 0.01 } } })
    expect(paragraphs(compose([{ id: 's1', heading: '一', blocks: [block] }], flat))).toEqual([
      '不捕率与去年同期持平。',
    ])
  })

  it('fills 核查 placeholders from the flags', () => {
    const model = compose(
      [
        {
          id: 's1',
          heading: '一',
          blocks: [
            {
              type: 'narrative',
              id: 'n1',
              text: '共命中{核查|命中}，已整改{核查|已整改}，未整改{核查|未整改}，整改率{核查|整改率}，最多的是{核查|最多规则}，{核查|最多单位}。',
            },
          ],
        },
      ],
      data(FIGURES),
    )
    expect(paragraphs(model)).toEqual([
      '共命中10条，已整改4条，未整改4条，整改率50.0%，最多的是“审结日期早于受理日期”（10条），玄武区院（5条）。',
    ])
  })

  it('says when there is no flag instead of a row of zeros, and leaves flag tables out', () => {
    const noFlags = data(FIGURES)
    noFlags.flags = {
      ...noFlags.flags!,
      totals: { open: 0, confirmed: 0, rectified: 0, falsePositive: 0, total: 0 },
      byUnit: [],
      byRule: [],
    }
    const sections = [
      {
        id: 's1',
        heading: '一',
        blocks: [
          {
            type: 'narrative' as const,
            id: 'n1',
            text: '共命中{核查|命中}。',
            cases: [{ when: [{ indicator: '核查', test: 'absent' as const }], text: '未发现问题数据。' }],
          },
          { type: 'flagTable' as const, id: 't1', title: '核查', by: 'unit' as const },
          { type: 'flagChart' as const, id: 'c1', title: '核查', by: 'status' as const },
        ],
      },
    ]
    const none = compose(sections, noFlags)
    expect(paragraphs(none)).toEqual(['未发现问题数据。'])
    expect(none.counts).toEqual({ paragraphs: 1, tables: 0, charts: 0 })
    const some = compose(sections, data(FIGURES))
    expect(paragraphs(some)).toEqual(['共命中10条。'])
    expect(some.counts).toMatchObject({ tables: 1, charts: 1 })
  })

  it('replaces edited paragraphs and reports edits that matched nothing', () => {
    const sections = [
      {
        id: 's1',
        heading: '一',
        blocks: [{ type: 'narrative' as const, id: 'n1', text: '受理{受理人数}。\n第二段{受理人数|同比}。' }],
      },
    ]
    const model = compose(sections, data(FIGURES), { 'n1.2': '分析人员改写的第二段。', gone: 'x' })
    const written = model.blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph')
    expect(written.map((p) => [p.id, p.text, p.edited])).toEqual([
      ['n1', '受理1.23万人。', false],
      ['n1.2', '分析人员改写的第二段。', true],
    ])
    expect(written[1].original).toBe('第二段同比上升12.2%。')
    expect(model.unusedOverrides).toEqual(['gone'])
  })
})

describe('structure', () => {
  const FIGURES = {
    不捕率: {
      '320100': { value: 30, rank: 1, peers: 2, average: 28 },
      '320102': { value: 40, rank: 1, peers: 2, average: 30 },
      '320104': { value: 20, rank: 2, peers: 2, average: 30 },
    },
  }

  it('numbers headings and writes a repeated section once per subordinate', () => {
    const model = compose(
      [
        { id: 's1', heading: '总体情况', blocks: [] },
        {
          id: 's2',
          heading: '指标情况',
          blocks: [],
          sections: [
            { id: 's21', heading: '分项', blocks: [] },
            {
              id: 's22',
              heading: '各{下级单位}情况',
              repeat: 'children',
              blocks: [{ type: 'narrative', id: 'u', text: '{单位简称}不捕率{不捕率}，{不捕率|排名}。' }],
            },
          ],
        },
      ],
      data(FIGURES),
    )
    const headings = model.blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.number}${b.text}`] : []))
    expect(headings).toEqual([
      '一、总体情况',
      '二、指标情况',
      '（一）分项',
      '（二）各基层院情况',
      '1.南京市玄武区人民检察院',
      '2.南京市秦淮区人民检察院',
    ])
    const written = model.blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph')
    expect(written.map((p) => [p.id, p.text])).toEqual([
      ['u@320102', '玄武区院不捕率40.0%，在全市2个基层院中由高到低排第1位。'],
      ['u@320104', '秦淮区院不捕率20.0%，在全市2个基层院中由高到低排第2位。'],
    ])
  })

  it('writes tables with 本期, 去年同期, 同比, the peers’ average and rank, and units best first with a total', () => {
    const figures = {
      不捕率: {
        ...FIGURES.不捕率,
        '320100': { value: 30, lastYear: 25, change: 5, rank: 1, peers: 2, average: 28 },
      },
      诉前羁押率: {
        '320100': { value: 40, lastYear: 30, change: 10, rank: 2, peers: 2, average: 35 },
        '320102': { value: 20, rank: 1, peers: 2 },
        '320104': { value: 50, rank: 2, peers: 2 },
      },
    }
    const model = compose(
      [
        {
          id: 's1',
          heading: '一',
          blocks: [
            {
              type: 'indicatorTable',
              id: 't1',
              title: '{单位简称}指标',
              indicators: ['不捕率', '诉前羁押率'],
              columns: ['current', 'lastYear', 'yoy', 'peerAverage', 'rank', 'direction'],
            },
            {
              type: 'unitTable',
              id: 't2',
              title: '各{下级单位}',
              indicators: ['不捕率', '诉前羁押率'],
              sortBy: '诉前羁押率',
            },
          ],
        },
      ],
      data(figures),
    )
    const [indicators, units] = model.blocks.filter((b): b is TableBlock => b.kind === 'table')
    expect(indicators.label).toBe('表1')
    expect(indicators.title).toBe('南京市院指标')
    expect(indicators.header).toEqual(['指标', '本期', '去年同期', '同比增减', '全省均值', '排名', '方向'])
    expect(indicators.rows).toEqual([
      { cells: ['不捕率', '30.0%', '25.0%', '+5.0个百分点', '28.0%', '1/2', '区间'] },
      // A 反向 indicator up 10 个百分点: marked.
      { cells: ['诉前羁押率', '40.0%', '30.0%', '+10.0个百分点', '35.0%', '2/2', '反向'], emphasis: 'warn' },
    ])
    expect(units.title).toBe('各基层院')
    expect(units.header).toEqual(['单位', '不捕率（%）', '诉前羁押率（%）', '名次'])
    expect(units.rows).toEqual([
      { cells: ['玄武区院', '40.0', '20.0', '1'] },
      { cells: ['秦淮区院', '20.0', '50.0', '2'] },
      { cells: ['全市', '30.0', '40.0', '—'], emphasis: 'total' },
    ])
  })

  it('draws ranking charts best first with values rounded as written, and notes a chart without data', () => {
    const model = compose(
      [
        {
          id: 's1',
          heading: '一',
          blocks: [
            { type: 'rankingChart', id: 'c1', title: '各{下级单位}不捕率', indicator: '不捕率' },
            {
              type: 'compositionChart',
              id: 'c2',
              title: '构成',
              indicators: ['审查逮捕受理件数', '审查逮捕受理人数'],
            },
          ],
        },
      ],
      data({ 不捕率: { '320102': { value: 19.96 }, '320104': { value: 40.04 } } }),
    )
    const charts = model.blocks.filter((b) => b.kind === 'chart')
    expect(charts).toHaveLength(1)
    expect(charts[0]).toMatchObject({
      label: '图1',
      title: '各基层院不捕率',
      chart: {
        type: 'bar',
        categories: ['秦淮区院', '玄武区院'],
        series: [{ name: '不捕率', values: [40, 20] }],
      },
    })
    expect(paragraphs(model)).toEqual(['（构成：本期无相关数据，图略。）'])
    expect(model.counts).toEqual({ paragraphs: 1, tables: 0, charts: 1 })
  })
})

describe('problems and suggestions', () => {
  it('finds worsening moves, units far from their peers and blanks, most serious first', () => {
    const peers = Object.fromEntries(
      ['320102', '320104'].map((code, i) => [code, { value: i === 0 ? 30 : 31, denominator: 50 }]),
    )
    const d = data({
      诉前羁押率: { '320100': { value: 40, lastYear: 30, change: 10, denominator: 100 }, ...peers },
      不捕率: { '320100': { value: 30, lastYear: 29, change: 1, denominator: 100 } },
      受理人数: { '320100': { value: 100, lastYear: 80, change: 25 } },
    })
    const problems = collectProblems([indicatorProblems], {
      data: d,
      indicators: ['诉前羁押率', '不捕率', '受理人数'],
      scope: 'both',
      thresholds: { countChange: 20, rateChange: 5, sigma: 2, minDenominator: 10 },
    })
    expect(problems.map((p) => [p.severity, p.text])).toEqual([
      ['high', '诉前羁押率40.0%，同比增加10.0个百分点，反向指标明显上升。'],
      ['medium', '受理人数100人，同比上升25.0%，升幅较大。'],
    ])
  })

  it('writes one suggestion per group naming every unit of it', () => {
    const problem = (subject: string, group: string): ReportProblem => ({
      key: `${group}:${subject}`,
      kind: 'change',
      severity: 'high',
      unit: subject,
      indicator: 'x',
      text: '',
      suggestion: { group, subject, text: '针对{对象}诉前羁押率上升的情况，加强审查。', fallback: '' },
      weight: 1,
    })
    expect(suggestionTexts([problem('六合区院', 'a'), problem('秦淮区院', 'a'), problem('', 'b')])).toEqual([
      '针对六合区院、秦淮区院诉前羁押率上升的情况，加强审查。',
      '针对诉前羁押率上升的情况，加强审查。',
    ])
  })
})
