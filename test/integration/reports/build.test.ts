/**
 * report/build on the demo province: the built-in templates written for real units and periods, with
 * every figure checked against the indicator engine and the flags table, and template management.
 */
import { describe, expect, it } from 'vitest'
import { loadBuiltinTemplates } from '../../../electron/engine/reports/templates.ts'
import type { IndicatorResult } from '../../../shared/ipc/indicator-contract.ts'
import { roundHalfUp } from '../../../shared/format/round.ts'
import { narrativeValue, tableValue } from '../../../shared/reports/numbers.ts'
import type {
  ChartBlock,
  ParagraphBlock,
  ReportModel,
  TableBlock,
} from '../../../shared/reports/report-model.ts'
import { useReportWorkspace } from '../../helpers/report-workspace.ts'

const workspace = useReportWorkspace()

const NANJING = '320100'
const paragraphs = (model: ReportModel) =>
  model.blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph')
const paragraph = (model: ReportModel, id: string) => paragraphs(model).find((p) => p.id === id)!.text
const table = (model: ReportModel, id: string) =>
  model.blocks.find((b): b is TableBlock => b.kind === 'table' && b.id === id)!
const chart = (model: ReportModel, id: string) =>
  model.blocks.find((b): b is ChartBlock => b.kind === 'chart' && b.id === id)!

async function figures(period: string, units: string[], indicators: string[]) {
  const computed = await workspace().call('indicator/compute', { period, units, indicators })
  return (indicator: string, unit: string) =>
    computed.results.find((r) => r.indicator === indicator && r.unit === unit) as IndicatorResult
}

describe('the quarterly report of a 市院', () => {
  let model: ReportModel
  it('builds with its six parts, a table of contents of numbered headings and progress events', async () => {
    model = await workspace().call('report/build', { template: 'quarterly', period: '2025Q3', unit: NANJING })
    expect(model.title).toBe('南京市人民检察院2025年第三季度业务数据分析研判报告')
    expect(model.cover).toEqual({
      unit: '南京市人民检察院',
      period: '2025年第三季度',
      generatedAt: '2026年1月15日',
      dataThrough: expect.stringMatching(/^\d{4}年\d{1,2}月$/),
    })
    const top = model.blocks.flatMap((b) =>
      b.kind === 'heading' && b.level === 1 ? [`${b.number}${b.text}`] : [],
    )
    expect(top).toEqual([
      '一、总体情况',
      '二、各条线运行情况',
      '三、案件质量主要评价指标情况',
      '四、数据质量情况',
      '五、存在问题及原因分析',
      '六、下一步工作建议',
    ])
    // One level-3 heading per 基层院 of 南京 in the repeated section.
    const units = await workspace().call('units/list', {})
    const children = units.filter((u) => u.parent === NANJING)
    const third = model.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 3 ? [b.text] : []))
    expect(third).toEqual(children.map((c) => c.name))
    expect(model.counts.charts).toBeGreaterThanOrEqual(10 + children.length)
    expect(model.counts.tables).toBeGreaterThanOrEqual(3)
    const phases = workspace()
      .events('report/progress')
      .map((p) => p.phase)
    expect(phases).toContain('computing')
    expect(phases).toContain('composing')
  })

  it('writes no placeholder, no blank and no NaN into the text', () => {
    for (const p of paragraphs(model)) {
      expect(p.text).not.toMatch(/[{}]|null|undefined|NaN|Infinity|—/)
      expect(p.text).not.toMatch(/，。|，，|；。|^，/)
    }
  })

  it('states the figures the indicator engine computes', async () => {
    const units = await workspace().call('units/list', {})
    const children = units.filter((u) => u.parent === NANJING).map((u) => u.code)
    const figure = await figures(
      '2025Q3',
      [NANJING, ...children],
      ['不捕率', '诉前羁押率', '受理人数', '批捕人数'],
    )
    const arrest = figure('不捕率', NANJING)
    expect(paragraph(model, 'arrest-text')).toContain(`不捕率${narrativeValue(arrest.value, '%', 1)}`)
    expect(paragraph(model, 'arrest-text')).toContain(
      `批准和决定逮捕${narrativeValue(figure('批捕人数', NANJING).value, '人', 0)}`,
    )
    expect(paragraph(model, 'overview-intake')).toContain(
      `共受理审查逮捕、审查起诉犯罪嫌疑人${figure('受理人数', NANJING).value}人`,
    )

    const indicators = table(model, 'indicators-table')
    expect(indicators.header).toEqual(['指标', '本期', '去年同期', '同比增减', '全省均值', '排名', '方向'])
    const detention = figure('诉前羁押率', NANJING)
    expect(indicators.rows.find((r) => r.cells[0] === '诉前羁押率')!.cells.slice(0, 6)).toEqual([
      '诉前羁押率',
      tableValue(detention.value, '%', 1),
      tableValue(detention.yoy.value, '%', 1),
      expect.stringMatching(/个百分点$/),
      tableValue(detention.peerAverage, '%', 1),
      `${detention.rank}/${detention.peers}`,
    ])

    const ranking = chart(model, 'rank-arrest').chart
    const expected = children
      .map((code) => ({ code, value: figure('不捕率', code).value }))
      .filter((c) => c.value !== null)
      .map((c) => roundHalfUp(c.value!, 1))
      .sort((a, b) => b - a)
    expect(ranking.series[0].values.filter((v) => v !== null)).toEqual(expected)

    const perUnit = paragraph(model, `unit-text@${children[0]}`)
    expect(perUnit).toContain(`受理审查逮捕、审查起诉犯罪嫌疑人${figure('受理人数', children[0]).value}人`)
  })

  it('counts the flags of the records received in the period by 南京 and its 基层院', async () => {
    const { db } = workspace().host.ctx
    const datasets = db
      .prepare(`SELECT dataset_id AS id, column_name AS c FROM dataset_fields WHERE name = '受理日期'`)
      .all() as { id: number; c: string }[]
    const expected = datasets.reduce(
      (sum, d) =>
        sum +
        (db
          .prepare(
            `SELECT count(*) FROM quality_flags f JOIN records_${d.id} r ON r._key = f.record_key AND r._superseded_by IS NULL
             WHERE f.dataset_id = ? AND r.${d.c} BETWEEN '2025-07-01' AND '2025-09-30'
               AND f.unit IN (SELECT code FROM units WHERE code = ? OR parent = ?)`,
          )
          .pluck()
          .get(d.id, NANJING, NANJING) as number),
      0,
    )
    const units = model.blocks.find((b) => b.kind === 'table' && b.id === 'quality-units')
    if (expected === 0) {
      expect(paragraph(model, 'quality-text')).toBe(
        '2025年第三季度受理的案件经数据质量核查规则逐项核查，未发现问题数据。',
      )
      expect(units).toBeUndefined()
    } else {
      expect(table(model, 'quality-units').rows.at(-1)!.cells.slice(0, 2)).toEqual(['合计', String(expected)])
      expect(paragraph(model, 'quality-text')).toContain(`数据质量核查规则共命中${expected}条`)
    }
  })

  it('lists the provenance: every imported file with its sha256, every indicator’s 口径', async () => {
    const batches = await workspace().call('import/batches', {})
    const imports = table(model, 'appendix.imports')
    expect(imports.rows.map((r) => r.cells[0]).sort()).toEqual(batches.map((b) => b.file).sort())
    for (const row of imports.rows) expect(row.cells[4]).toMatch(/^[0-9a-f]{64}$/)
    const calibers = table(model, 'appendix.indicators')
    expect(calibers.rows.map((r) => r.cells[0])).toEqual(
      expect.arrayContaining(['不捕率', '诉前羁押率', '受理人数']),
    )
    expect(model.provenance!.ruleLibrary.version).toMatch(/^[0-9a-f]{12}$/)
    expect(paragraph(model, 'appendix.sources')).toMatch(/未剔除上述记录/)
  })

  it('keeps the analyst’s edits by paragraph id across rebuilds', async () => {
    const edited = await workspace().call('report/build', {
      template: 'quarterly',
      period: '2025Q3',
      unit: NANJING,
      overrides: { 'overview-intake': '本季度案件总量平稳。', 'no-such-paragraph': '……' },
    })
    const first = paragraphs(edited).find((p) => p.id === 'overview-intake')!
    expect(first).toMatchObject({ text: '本季度案件总量平稳。', edited: true })
    expect(first.original).toBe(paragraph(model, 'overview-intake'))
    expect(edited.unusedOverrides).toEqual(['no-such-paragraph'])
  })

  it('leaves out flagged records when asked, and says so', async () => {
    const clean = await workspace().call('report/build', {
      template: 'quarterly',
      period: '2025Q3',
      unit: NANJING,
      excludeFlagged: true,
    })
    expect(paragraph(clean, 'appendix.sources')).toMatch(/本报告的指标已剔除这\d+条记录/)
    const cleanFigure = await workspace().call('indicator/compute', {
      period: '2025Q3',
      units: [NANJING],
      indicators: ['受理人数'],
      excludeFlagged: true,
    })
    expect(paragraph(clean, 'overview-intake')).toContain(`犯罪嫌疑人${cleanFigure.results[0].value}人`)
  })
})

describe('the other built-in templates', () => {
  it('write the 省院 annual report without peers to rank against', async () => {
    const model = await workspace().call('report/build', { template: 'annual', period: '2024' })
    expect(model.title).toBe('江苏省人民检察院2024年业务数据分析研判报告')
    expect(model.unit.code).toBe('320000')
    expect(table(model, 'indicators-table').header).toEqual(['指标', '本期', '去年同期', '同比增减', '方向'])
    // The 省院 has no peers; its 市院 are ranked in their own sections.
    for (const p of paragraphs(model).filter((p) => !p.id.includes('@')))
      expect(p.text).not.toMatch(/排第\d+位/)
    expect(paragraph(model, 'unit-text@320100')).toMatch(/在全省13个市院中由高到低排第\d+位/)
    const repeated = model.blocks.filter((b) => b.kind === 'heading' && b.level === 3)
    expect(repeated).toHaveLength(13)
  })

  it('write the 数据质量通报 from the flags', async () => {
    const model = await workspace().call('report/build', {
      template: 'quality',
      period: '2025',
      unit: NANJING,
    })
    expect(model.title).toBe('关于南京市人民检察院2025年案件信息数据质量核查情况的通报')
    const units = table(model, 'units-table')
    const total = units.rows.at(-1)!.cells
    const sum = (column: number) => units.rows.slice(0, -1).reduce((s, r) => s + Number(r.cells[column]), 0)
    expect(Number(total[1])).toBe(sum(1))
    expect(Number(total[1])).toBe(Number(total[2]) + Number(total[3]) + Number(total[4]) + Number(total[5]))
    expect(table(model, 'prosecutors-table').header[0]).toBe('承办检察官')
    const { db } = workspace().host.ctx
    const datasets = db
      .prepare(`SELECT dataset_id AS id, column_name AS c FROM dataset_fields WHERE name = '受理日期'`)
      .all() as { id: number; c: string }[]
    const expected = datasets.reduce(
      (sum, d) =>
        sum +
        (db
          .prepare(
            `SELECT count(*) FROM quality_flags f JOIN records_${d.id} r ON r._key = f.record_key AND r._superseded_by IS NULL
             WHERE f.dataset_id = ? AND r.${d.c} BETWEEN '2025-01-01' AND '2025-12-31'
               AND f.unit IN (SELECT code FROM units WHERE code = ? OR parent = ?)`,
          )
          .pluck()
          .get(d.id, NANJING, NANJING) as number),
      0,
    )
    expect(expected).toBeGreaterThan(0)
    expect(Number(total[1])).toBe(expected)
    expect(paragraph(model, 'summary-text')).toContain(`问题数据${total[1]}条`)
  })

  it('write the 未成年人 topic for a 基层院, comparing it with its peers', async () => {
    const model = await workspace().call('report/build', {
      template: 'topic-minors',
      period: '2025',
      unit: '320102',
    })
    expect(model.title).toBe('南京市玄武区人民检察院2025年未成年人检察工作专题分析')
    const units = await workspace().call('units/list', {})
    const peers = units.filter((u) => u.parent === NANJING)
    expect(table(model, 'units-table').rows).toHaveLength(peers.length)
    expect(model.blocks.some((b) => b.kind === 'heading' && b.text === '各单位情况')).toBe(true)
  })

  it('compare units side by side when asked', async () => {
    const model = await workspace().call('report/build', {
      template: 'topic-minors',
      period: '2025',
      unit: NANJING,
      compareUnits: ['320200', '320300'],
    })
    expect(table(model, 'lenient-table').header.slice(-2)).toEqual(['无锡市院', '徐州市院'])
  })
})

describe('bad arguments', () => {
  it('are refused in Chinese: template, period, unit, a period without data', async () => {
    const base = { template: 'quarterly', period: '2025Q3', unit: NANJING }
    expect(await workspace().failure('report/build', { ...base, template: 'monthly' })).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(
        /没有名为“monthly”的报告模板。可用的模板：quarterly（季度业务数据分析研判报告）/,
      ),
    })
    expect(await workspace().failure('report/build', { ...base, period: '2025Q5' })).toMatchObject({
      code: 'BAD_ARGUMENT',
      message: expect.stringMatching(/期间“2025Q5”无法识别/),
    })
    expect(await workspace().failure('report/build', { ...base, unit: '999999' })).toMatchObject({
      code: 'NOT_FOUND',
      message: '单位“999999”不在单位列表中。',
    })
    expect(await workspace().failure('report/export', { ...base, period: '2031' })).toMatchObject({
      code: 'BAD_ARGUMENT',
      message: expect.stringMatching(/^期间“2031年”没有数据（数据覆盖2022年1月至/),
    })
  })
})

describe('templates of the workspace', () => {
  const copy = () => {
    const quarterly = loadBuiltinTemplates().find((t) => t.id === 'quarterly')!
    const { source: _source, ...definition } = structuredClone(quarterly)
    return {
      ...definition,
      id: 'my-quarterly',
      name: '我的季度报告',
      sections: definition.sections.slice(0, 2),
    }
  }

  it('are saved, listed, read, built and deleted; built-ins are protected', async () => {
    const saved = await workspace().call('report/template/save', { template: copy() })
    expect(saved).toMatchObject({ id: 'my-quarterly', name: '我的季度报告', source: 'user', sections: 2 })
    const list = await workspace().call('report/templates', {})
    expect(list.map((t) => t.id)).toEqual(['quarterly', 'annual', 'quality', 'topic-minors', 'my-quarterly'])
    expect(await workspace().call('report/template/get', { id: '我的季度报告' })).toMatchObject({
      id: 'my-quarterly',
      source: 'user',
    })
    const model = await workspace().call('report/build', {
      template: 'my-quarterly',
      period: '2025Q3',
      unit: NANJING,
    })
    expect(model.template).toEqual({ id: 'my-quarterly', name: '我的季度报告', source: 'user' })
    expect(model.blocks.filter((b) => b.kind === 'heading' && b.level === 1)).toHaveLength(2)

    expect(
      await workspace().failure('report/template/save', { template: { ...copy(), id: 'quarterly' } }),
    ).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/内置模板不能修改/) })
    expect(await workspace().failure('report/template/delete', { id: 'quality' })).toMatchObject({
      code: 'CONFLICT',
    })
    expect(await workspace().call('report/template/delete', { id: 'my-quarterly' })).toEqual({
      id: 'my-quarterly',
    })
    expect(await workspace().failure('report/template/delete', { id: 'my-quarterly' })).toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('are checked before saving, and a draft can be previewed without saving', async () => {
    const broken = copy()
    broken.sections[0].blocks = [
      { type: 'narrative', id: 'x', text: '{不存在的指标|同比}', unit: 'report', period: 'report' },
    ]
    const { problems } = await workspace().call('report/template/validate', { template: broken })
    expect(problems).toEqual([
      { path: 'sections.0.blocks.0.text', message: '“{不存在的指标|同比}”：没有名为“不存在的指标”的指标' },
    ])
    expect(await workspace().failure('report/template/save', { template: broken })).toMatchObject({
      code: 'BAD_ARGUMENT',
      message: expect.stringMatching(/^报告模板有误：sections\.0\.blocks\.0\.text：/),
    })
    const draft = copy()
    draft.title = '草稿：{单位}{期间}'
    const preview = await workspace().call('report/build', {
      template: 'unsaved',
      draft,
      period: '2025Q3',
      unit: NANJING,
    })
    expect(preview.title).toBe('草稿：南京市人民检察院2025年第三季度')
    expect((await workspace().call('report/templates', {})).map((t) => t.id)).not.toContain('my-quarterly')
  })
})
