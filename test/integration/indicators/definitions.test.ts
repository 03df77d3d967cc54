/**
 * The analyst's own indicator definitions through the real channels (indicator/save, validate,
 * preview, delete, import, export, setDirection, compute): Chinese validation messages with the path
 * of the control they belong to, JSON and YAML round trips, library ids kept off limits, and a
 * direction override reversing the ranking of a 反向 indicator.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { loadIndicatorLibrary } from '../../../electron/engine/indicators/library.ts'
import type { IndicatorInput } from '../../../shared/indicators/model.ts'
import {
  ARREST_COLUMNS,
  caseNumber,
  definitionsText,
  indicator,
  NOT_ARRESTED,
  T_CONCLUDED_PERSONS,
  T_NON_ARREST,
  type Row,
  arrestDays,
} from '../../helpers/indicator-data.ts'
import { testWorkspace, writeCsv } from '../../helpers/workspace.ts'

type Workspace = ReturnType<typeof testWorkspace>

const T_DAYS = indicator(
  'T平均天数',
  '天',
  {
    天数: arrestDays('avg'),
  },
  '天数',
  { direction: 'down', precision: 1 },
)

/** 玄武: 2 persons concluded in 2 and 4 days (avg 3); 建邺: 6 and 8 days (avg 7), 1 of 2 不捕. */
async function withData(ws: Workspace) {
  ws.db.exec(`INSERT INTO units (code, name, level, parent) VALUES
    ('320000', '江苏省人民检察院', 'province', NULL), ('320100', '南京市人民检察院', 'city', '320000'),
    ('320102', '南京市玄武区人民检察院', 'county', '320100'), ('320105', '南京市建邺区人民检察院', 'county', '320100')`)
  const rows: Row[] = [
    ['320102', '2024-03-01', '2024-03-03', '批准逮捕'],
    ['320102', '2024-03-10', '2024-03-14', '批准逮捕'],
    ['320105', '2024-03-01', '2024-03-07', '批准逮捕'],
    ['320105', '2024-03-10', '2024-03-18', '不批准逮捕'],
  ].map(([unit, accepted, concluded, outcome], i) => ({
    部门受案号: caseNumber('010101', unit, i + 1),
    嫌疑人编号: `X${i}`,
    受理日期: accepted,
    审结处理结果: outcome,
    审结日期: concluded,
  }))
  const file = await writeCsv(path.join(ws.dir, '审查逮捕.csv'), [
    [...ARREST_COLUMNS],
    ...rows.map((r) => ARREST_COLUMNS.map((c) => r[c] ?? '')),
  ])
  await ws.call('dataset/import', { files: [{ path: file }] })
}

const problemsOf = async (ws: Workspace, definition: unknown) =>
  (await ws.call('indicator/validate', { definition })).problems

/** T不捕率 with one thing changed in its first 口径's 不捕人数 measure. */
function withMeasure(change: Record<string, unknown>): IndicatorInput {
  const caliber = T_NON_ARREST.calibers[0]
  return {
    ...T_NON_ARREST,
    calibers: [
      {
        ...caliber,
        measures: { ...caliber.measures, 不捕人数: { ...caliber.measures['不捕人数'], ...change } },
      },
    ],
  }
}

describe('saving and deleting definitions', () => {
  it('saves, updates, lists and deletes a user definition', async () => {
    const ws = testWorkspace()
    const saved = await ws.call('indicator/save', { definition: T_NON_ARREST })
    expect(saved).toMatchObject({
      id: 'T不捕率',
      name: '测试不捕率',
      source: 'user',
      description: '',
      tags: [],
      effectiveDirection: 'range',
      directionOverridden: false,
    })
    await ws.call('indicator/save', { definition: { ...T_NON_ARREST, description: '改过的说明' } })
    const users = (await ws.call('indicator/list', {})).filter((d) => d.source === 'user')
    expect(users.map((d) => [d.id, d.description])).toEqual([['T不捕率', '改过的说明']])
    const audit = ws.db
      .prepare(`SELECT action FROM audit_log WHERE action LIKE 'indicator.%' ORDER BY id`)
      .all()
    expect(audit).toEqual([{ action: 'indicator.create' }, { action: 'indicator.update' }])

    const clash = await ws.failure('indicator/save', { definition: { ...T_NON_ARREST, id: 'T另一个' } })
    expect(clash.message).toBe('已有名为“测试不捕率”的指标（编号 T不捕率）。')

    expect(await ws.call('indicator/delete', { id: 'T不捕率' })).toEqual({ id: 'T不捕率' })
    expect((await ws.call('indicator/list', {})).some((d) => d.id === 'T不捕率')).toBe(false)
    const again = await ws.failure('indicator/delete', { id: 'T不捕率' })
    expect(again).toMatchObject({ code: 'NOT_FOUND', message: '没有编号为“T不捕率”的自定义指标。' })
  })

  it('refuses to delete an indicator another one reads', async () => {
    const ws = testWorkspace()
    await ws.call('indicator/save', { definition: T_CONCLUDED_PERSONS })
    const share = indicator('T人数两倍', '人', { 人数: { indicator: 'T审结人数' } }, '人数 * 2')
    await ws.call('indicator/save', { definition: share })
    const refused = await ws.failure('indicator/delete', { id: 'T审结人数' })
    expect(refused.message).toBe('指标“测试人数两倍”引用了“T审结人数”，请先修改或删除它。')
    await ws.call('indicator/delete', { id: 'T人数两倍' })
    await ws.call('indicator/delete', { id: 'T审结人数' })
  })

  const library = loadIndicatorLibrary()
  it.skipIf(library.length === 0)(
    'a user definition cannot take a library id, and library ones cannot be deleted',
    async () => {
      const ws = testWorkspace()
      const taken = library[0].id
      const refused = await ws.failure('indicator/save', {
        definition: { ...T_NON_ARREST, id: taken, name: '全新的名称' },
      })
      expect(refused.message).toBe(`编号“${taken}”已被指标库中的指标使用，请换一个编号（可另存为新的名称）。`)
      const imported = await ws.failure('indicator/import', {
        text: definitionsText({ ...T_NON_ARREST, id: taken, name: '全新的名称' }),
      })
      expect(imported.message).toContain('已被指标库中的指标使用')
      const deleted = await ws.failure('indicator/delete', { id: taken })
      expect(deleted.message).toBe(`“${taken}”是指标库中的指标，不能删除。`)
      // The library's own entry keeps its source.
      expect((await ws.call('indicator/list', {})).find((d) => d.id === taken)?.source).toBe('library')
    },
  )
})

describe('validation', () => {
  it('reports every problem in Chinese with the path of its control', async () => {
    const ws = testWorkspace() // no data yet: fields come from the 010101 dictionary
    expect(await problemsOf(ws, T_NON_ARREST)).toEqual([])

    expect(await problemsOf(ws, { ...T_NON_ARREST, name: '  ' })).toEqual([
      { path: 'name', message: '名称：指标名称不能为空' },
    ])
    expect(await problemsOf(ws, { ...T_NON_ARREST, unit: '元' })).toEqual([
      { path: 'unit', message: '单位：取值不在允许范围内' },
    ])
    expect(await problemsOf(ws, { ...T_NON_ARREST, calibers: [] })).toEqual([
      { path: 'calibers', message: '口径：至少需要一个口径' },
    ])
    const badName = await problemsOf(ws, {
      ...T_NON_ARREST,
      calibers: [
        {
          ...T_NON_ARREST.calibers[0],
          measures: { '1人数': { dataset: '010101', of: 'persons', date: '审结日期' } },
        },
      ],
    })
    expect(badName).toEqual([
      {
        path: 'calibers.0.measures.1人数',
        message: '口径 · 第 1 项 · 度量 · “1人数”：名称只能由汉字、字母、数字和下划线组成，且不以数字开头',
      },
    ])
  })

  it('points at the place in a formula', async () => {
    const ws = testWorkspace()
    const formula = (text: string) => ({
      ...T_NON_ARREST,
      calibers: [{ ...T_NON_ARREST.calibers[0], formula: text }],
    })
    const unknown = await problemsOf(ws, formula('不捕人数 / (批捕人数 + 不诉人数)'))
    expect(unknown).toHaveLength(1)
    expect(unknown[0]).toMatchObject({ path: 'calibers.0.formula', offset: 15, length: 4 })
    expect(unknown[0].message).toMatch(/^公式：.*不诉人数/)

    const unfinished = await problemsOf(ws, formula('不捕人数 / (批捕人数 + '))
    expect(unfinished).toHaveLength(1)
    expect(unfinished[0]).toMatchObject({ path: 'calibers.0.formula', offset: 14 })
    expect(unfinished[0].message).toMatch(/^公式：/)

    const text = await problemsOf(ws, formula('不捕人数 > 0 且 批捕人数 > 0'))
    expect(text).toEqual([
      {
        path: 'calibers.0.formula',
        message: '公式：公式的结果应为数字（例如：不捕人数 / (批捕人数 + 不捕人数)）',
        offset: 0,
        length: 19,
      },
    ])
  })

  it('checks each measure’s filter, date and value against the dataset’s fields', async () => {
    const ws = testWorkspace()
    const place = 'calibers.0.measures.不捕人数'
    const filter = await problemsOf(ws, withMeasure({ filter: "审结结果 = '不批准逮捕'" }))
    expect(filter).toHaveLength(1)
    expect(filter[0]).toMatchObject({ path: `${place}.filter`, offset: 0, length: 4 })
    expect(filter[0].message).toMatch(/^度量“不捕人数”：.*审结结果/)

    const typed = await problemsOf(ws, withMeasure({ filter: '审结处理结果' }))
    expect(typed[0].path).toBe(`${place}.filter`)

    expect(await problemsOf(ws, withMeasure({ date: '审结处理结果' }))).toEqual([
      {
        path: `${place}.date`,
        message: '度量“不捕人数”：“审结处理结果”不是日期字段，不能用来确定期间',
        offset: 0,
        length: 0,
      },
    ])
    expect(await problemsOf(ws, withMeasure({ date: '审结时间' }))).toMatchObject([
      { path: `${place}.date`, message: '度量“不捕人数”：没有日期字段“审结时间”' },
    ])
    expect(await problemsOf(ws, withMeasure({ of: 'days', from: '受理日期' }))).toMatchObject([
      { path: `${place}.value`, message: '度量“不捕人数”：办案天数需要开始和结束两个日期字段' },
    ])
    expect(await problemsOf(ws, withMeasure({ of: 'avg', value: '审结处理结果' }))).toMatchObject([
      { path: `${place}.value`, message: '度量“不捕人数”：求和、平均和中位数的对象应为数字' },
    ])
    expect(await problemsOf(ws, withMeasure({ dataset: 99 }))).toMatchObject([
      { path: `${place}.dataset`, message: '度量“不捕人数”的数据集 99 不存在' },
    ])

    // Saving refuses what validation reports, in the same words.
    const refused = await ws.failure('indicator/save', { definition: withMeasure({ date: '审结处理结果' }) })
    expect(refused).toMatchObject({
      code: 'BAD_ARGUMENT',
      message: '度量“不捕人数”：“审结处理结果”不是日期字段，不能用来确定期间',
    })
  })

  it('checks references to other indicators: missing ones, itself and cycles', async () => {
    const ws = testWorkspace()
    const reading = (id: string, target: string) =>
      indicator(id, '人', { 引用: { indicator: target } }, '引用')
    expect(await problemsOf(ws, reading('T甲', 'T不存在'))).toEqual([
      { path: 'calibers.0.measures.引用.indicator', message: '度量“引用”引用的指标“T不存在”不存在' },
    ])
    expect(await problemsOf(ws, reading('T甲', 'T甲'))).toEqual([
      { path: 'calibers.0.measures.引用.indicator', message: '度量“引用”引用了指标自身' },
    ])
    // 甲 reads 乙, 乙 reads 丙; 丙 reading 甲 would close the circle.
    await ws.call('indicator/save', { definition: T_CONCLUDED_PERSONS })
    await ws.call('indicator/save', { definition: reading('T丙', 'T审结人数') })
    await ws.call('indicator/save', { definition: reading('T乙', 'T丙') })
    await ws.call('indicator/save', { definition: reading('T甲', 'T乙') })
    expect(await problemsOf(ws, reading('T丙', 'T甲'))).toEqual([
      { path: 'calibers.0.measures.引用.indicator', message: '度量“引用”造成指标之间循环引用' },
    ])
    const refused = await ws.failure('indicator/save', { definition: reading('T丙', 'T甲') })
    expect(refused.message).toBe('度量“引用”造成指标之间循环引用')
  })
})

describe('preview', () => {
  it('computes an unsaved definition for one unit and period without saving it', async () => {
    const ws = testWorkspace()
    await withData(ws)
    const preview = await ws.call('indicator/preview', {
      definition: T_NON_ARREST,
      unit: '320105',
      period: '2024Q1',
      own: false,
      excludeFlagged: false,
    })
    expect(preview.problems).toEqual([])
    expect(preview.result).toMatchObject({
      indicator: 'T不捕率',
      unit: '320105',
      period: '2024Q1',
      value: 50,
      numerator: 1,
      denominator: 2,
      display: '50.0%',
    })
    expect((await ws.call('indicator/list', {})).some((d) => d.id === 'T不捕率')).toBe(false)

    const broken = await ws.call('indicator/preview', {
      definition: withMeasure({ filter: '审结结果 = 1' }),
      unit: '320105',
      period: '2024Q1',
      own: false,
      excludeFlagged: false,
    })
    expect(broken.result).toBeNull()
    expect(broken.problems.map((p) => p.path)).toEqual(['calibers.0.measures.不捕人数.filter'])

    const period = await ws.failure('indicator/preview', {
      definition: T_NON_ARREST,
      unit: '320105',
      period: '2024Q9',
      own: false,
      excludeFlagged: false,
    })
    expect(period.message).toContain('期间“2024Q9”无法识别')
  })

  it('a field the export lacks: valid (the kind knows it), unavailable when computed', async () => {
    const ws = testWorkspace()
    const needsMore = indicator(
      'T无前科人数',
      '人',
      { n: { dataset: '010101', of: 'persons', date: '审结日期', filter: "前科 = '无'" } },
      'n',
    )
    // Before any import the 010101 dictionary (which has 前科) decides: valid, and saved.
    expect(await problemsOf(ws, needsMore)).toEqual([])
    await ws.call('indicator/save', { definition: needsMore })
    await withData(ws) // an export without a 前科 column
    const [figure] = (
      await ws.call('indicator/compute', { period: '2024', indicators: ['T无前科人数'], units: ['320000'] })
    ).results
    expect(figure).toMatchObject({ value: null, display: '—' })
    expect(figure.unavailable).toBe('数据集“审查逮捕（010101）”缺少字段：前科')
    // Still valid with the narrow dataset present: a colleague's definitions import everywhere …
    expect(await problemsOf(ws, needsMore)).toEqual([])
    // … while a name neither the dataset nor the kind knows is refused.
    const typo = indicator(
      'T错字',
      '人',
      { n: { dataset: '010101', of: 'persons', date: '审结日期', filter: "前课 = '无'" } },
      'n',
    )
    const problems = await problemsOf(ws, typo)
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['calibers.0.measures.n.filter', expect.stringContaining('未知字段“前课”')],
    ])
  })
})

describe('import and export', () => {
  const definitions = [T_NON_ARREST, T_CONCLUDED_PERSONS, T_DAYS]

  it.each(['json', 'yaml'] as const)('round-trips user definitions as %s', async (format) => {
    const ws = testWorkspace()
    const { saved } = await ws.call('indicator/import', { text: definitionsText(...definitions) })
    expect(saved).toEqual(['T不捕率', 'T审结人数', 'T平均天数'])
    const exported = await ws.call('indicator/export', { format })
    expect(exported.fileName).toBe(`指标定义.${format}`)
    const parsed = format === 'json' ? JSON.parse(exported.text) : parseYaml(exported.text)
    expect(parsed).toEqual(definitions.map((d) => ({ description: '', tags: [], ...d, source: 'user' })))
    if (format === 'yaml') expect(exported.text.trimStart().startsWith('-')).toBe(true)

    const other = testWorkspace()
    expect((await other.call('indicator/import', { text: exported.text })).saved).toEqual(saved)
    const users = async (w: Workspace) =>
      (await w.call('indicator/list', {})).filter((d) => d.source === 'user')
    expect(await users(other)).toEqual(await users(ws))
    // Chosen ids only.
    const one = await ws.call('indicator/export', { ids: ['T平均天数'], format })
    const single = format === 'json' ? JSON.parse(one.text) : parseYaml(one.text)
    expect(single.map((d: { id: string }) => d.id)).toEqual(['T平均天数'])
  })

  it('reads a list, one definition or { indicators: [...] }, and imports all or nothing', async () => {
    const ws = testWorkspace()
    expect((await ws.call('indicator/import', { text: JSON.stringify(T_DAYS) })).saved).toEqual(['T平均天数'])
    const wrapped = `indicators:\n  - ${JSON.stringify(T_CONCLUDED_PERSONS)}\n`
    expect((await ws.call('indicator/import', { text: wrapped })).saved).toEqual(['T审结人数'])

    const bad = { ...T_NON_ARREST, calibers: [{ ...T_NON_ARREST.calibers[0], formula: '不捕人数 / ' }] }
    const failed = await ws.failure('indicator/import', {
      text: definitionsText(
        indicator(
          'T新的',
          '人',
          { n: { dataset: '010101', of: 'persons', date: '审结日期', filter: NOT_ARRESTED } },
          'n',
        ),
        bad,
      ),
    })
    expect(failed.message).toMatch(/^第 2 个指标“测试不捕率”未能导入：公式：/)
    const ids = (await ws.call('indicator/list', {})).filter((d) => d.source === 'user').map((d) => d.id)
    expect(ids.sort()).toEqual(['T审结人数', 'T平均天数'])

    const garbage = await ws.failure('indicator/import', { text: '{ "id": ' })
    expect(garbage.message).toMatch(/^指标定义文件无法解析（应为 JSON 或 YAML）/)
    const scalar = await ws.failure('indicator/import', { text: '42' })
    expect(scalar.message).toBe('指标定义文件应包含一个指标或指标列表。')
  })
})

describe('direction', () => {
  it('an override reverses the ranking of a 反向 indicator, and can be removed', async () => {
    const ws = testWorkspace()
    await withData(ws)
    await ws.call('indicator/save', { definition: T_DAYS })
    const ranks = async () =>
      (
        await ws.call('indicator/compute', {
          period: '2024Q1',
          indicators: ['T平均天数'],
          units: ['320102', '320105'],
        })
      ).results.map((r) => [r.unit, r.value, r.rank, r.peers, r.deviation])
    // 反向: fewer days rank first. Peer average 5.
    expect(await ranks()).toEqual([
      ['320102', 3, 1, 2, -2],
      ['320105', 7, 2, 2, 2],
    ])
    const overridden = await ws.call('indicator/setDirection', { id: 'T平均天数', direction: 'up' })
    expect(overridden).toMatchObject({
      direction: 'down',
      effectiveDirection: 'up',
      directionOverridden: true,
    })
    expect(await ranks()).toEqual([
      ['320102', 3, 2, 2, -2],
      ['320105', 7, 1, 2, 2],
    ])
    const reset = await ws.call('indicator/setDirection', { id: 'T平均天数', direction: null })
    expect(reset).toMatchObject({ effectiveDirection: 'down', directionOverridden: false })
    expect((await ranks())[0][2]).toBe(1)
    const unknown = await ws.failure('indicator/setDirection', { id: 'T没有', direction: 'up' })
    expect(unknown.message).toBe('没有编号为“T没有”的指标。')
  })
})
