import { describe, expect, it } from 'vitest'
import type { IndicatorDefinition } from '../../../shared/indicators/model.ts'
import {
  addCaliber,
  addMeasure,
  copyAsMine,
  definitionOf,
  freeMeasureName,
  localProblems,
  newDefinition,
  newRecordMeasure,
  nextIndicatorId,
  removeMeasure,
  renameMeasure,
  withMeasureKind,
} from '../../../renderer/src/pages/indicators/builder/builderDraft.ts'
import {
  checkState,
  defaultPeriod,
  mergeProblems,
  previewKey,
  previewState,
  probeDefinition,
} from '../../../renderer/src/pages/indicators/builder/builderCheck.ts'
import {
  composeFormula,
  decomposeFormula,
  formulaNames,
  renameInFormula,
  toggleTerm,
} from '../../../renderer/src/pages/indicators/builder/formulaComposer.ts'
import {
  controlId,
  pathLabel,
  placeProblems,
  schemaProblems,
} from '../../../renderer/src/pages/indicators/builder/problems.ts'

function rate(): IndicatorDefinition {
  const definition = newDefinition(['U001', 'X9'])
  definition.name = '不捕率'
  definition.calibers[0].measures = {
    不捕人数: { ...newRecordMeasure(), filter: "审结处理结果 = '不批准逮捕'" },
    批捕人数: { ...newRecordMeasure(), filter: "审结处理结果 = '批准逮捕'" },
  }
  definition.calibers[0].formula = '不捕人数 / (批捕人数 + 不捕人数)'
  return definition
}

describe('formula composer', () => {
  it('composes a numerator over a sum', () => {
    expect(composeFormula({ numerator: ['不捕人数'], denominator: ['批捕人数', '不捕人数'] })).toBe(
      '不捕人数 / (批捕人数 + 不捕人数)',
    )
    expect(composeFormula({ numerator: ['甲', '乙'], denominator: ['丙'] })).toBe('(甲 + 乙) / 丙')
    expect(composeFormula({ numerator: ['甲', '乙'], denominator: [] })).toBe('甲 + 乙')
    expect(composeFormula({ numerator: [], denominator: ['丙'] })).toBe('')
  })

  it('decomposes composer-shaped formulas and refuses others', () => {
    expect(decomposeFormula('不捕人数 / (批捕人数 + 不捕人数)')).toEqual({
      numerator: ['不捕人数'],
      denominator: ['批捕人数', '不捕人数'],
    })
    expect(decomposeFormula('(甲+乙)/丙')).toEqual({ numerator: ['甲', '乙'], denominator: ['丙'] })
    expect(decomposeFormula('甲')).toEqual({ numerator: ['甲'], denominator: [] })
    expect(decomposeFormula('')).toEqual({ numerator: [], denominator: [] })
    for (const text of [
      '0.6 * 甲 + 0.4 * 乙',
      '甲 - 乙',
      '甲 + 乙 / 丙',
      '甲 / (乙 - 丙)',
      '甲 /',
      '如果(甲 > 0, 甲, 0)',
    ]) {
      expect(decomposeFormula(text), text).toBeNull()
    }
  })

  it('toggles terms keeping the order of the others', () => {
    const composed = { numerator: ['甲'], denominator: ['乙'] }
    expect(toggleTerm(composed, 'denominator', '甲')).toEqual({
      numerator: ['甲'],
      denominator: ['乙', '甲'],
    })
    expect(toggleTerm(composed, 'numerator', '甲')).toEqual({ numerator: [], denominator: ['乙'] })
  })

  it('renames a measure in the formula only where it is a name', () => {
    expect(renameInFormula('不捕人数 / (批捕人数 + 不捕人数)', '不捕人数', '不捕')).toBe(
      '不捕 / (批捕人数 + 不捕)',
    )
    expect(renameInFormula('甲甲 + 甲', '甲', '乙')).toBe('甲甲 + 乙')
    expect(renameInFormula("甲 + '", '甲', '乙')).toBe("甲 + '")
    expect(formulaNames('如果(甲 > 0, 甲, 乙) / 丙')).toEqual(['甲', '乙', '丙'])
  })
})

describe('builder draft', () => {
  it('numbers new indicators U001, U002 …', () => {
    expect(nextIndicatorId([])).toBe('U001')
    expect(nextIndicatorId(['U001', 'U007', 'BZ01'])).toBe('U008')
    expect(newDefinition(['U001']).id).toBe('U002')
  })

  it('copies a library indicator as the analyst’s own', () => {
    const library = { ...rate(), id: 'BZ01', source: 'library' as const }
    const copy = copyAsMine(library, ['BZ01', 'U003'])
    expect(copy).toMatchObject({ id: 'U004', name: '不捕率（副本）', source: 'user' })
    expect(copy.calibers).toEqual(library.calibers)
    expect(copy.calibers).not.toBe(library.calibers)
  })

  it('strips the list’s direction override from a definition', () => {
    const summary = { ...rate(), effectiveDirection: 'up' as const, directionOverridden: true }
    expect(definitionOf(summary)).toEqual(rate())
  })

  it('renames measures in place and in the formula; refuses a taken name', () => {
    const caliber = rate().calibers[0]
    const renamed = renameMeasure(caliber, '批捕人数', '批捕')
    expect(Object.keys(renamed.measures)).toEqual(['不捕人数', '批捕'])
    expect(renamed.formula).toBe('不捕人数 / (批捕 + 不捕人数)')
    expect(renameMeasure(caliber, '批捕人数', '不捕人数')).toBe(caliber)
  })

  it('adds and removes measures and 口径', () => {
    const definition = rate()
    const caliber = addMeasure(definition.calibers[0], newRecordMeasure('020101'))
    expect(Object.keys(caliber.measures)).toEqual(['不捕人数', '批捕人数', '度量3'])
    expect(freeMeasureName(caliber)).toBe('度量4')
    expect(Object.keys(removeMeasure(caliber, '不捕人数').measures)).toEqual(['批捕人数', '度量3'])
    const two = addCaliber({ ...definition, calibers: [{ ...definition.calibers[0], from: '2020-01-01' }] })
    expect(two.calibers).toHaveLength(2)
    expect(two.calibers[1]).toMatchObject({
      id: 'c2',
      name: '口径2',
      formula: definition.calibers[0].formula,
    })
    expect(two.calibers[1].from).toBeUndefined()
    expect('from' in two.calibers[1]).toBe(false)
  })

  it('keeps what applies when a measure changes kind', () => {
    const days = withMeasureKind({ ...newRecordMeasure(), value: '涉案金额' }, 'days')
    expect(days).toEqual({ dataset: '010101', of: 'days', date: '审结日期', stat: 'avg' })
    const sum = withMeasureKind({ ...days, from: '受理日期', to: '审结日期' }, 'sum')
    expect(sum).toEqual({ dataset: '010101', of: 'sum', date: '审结日期' })
  })

  it('finds the problems the engine need not be asked about, in Chinese, at their paths', () => {
    expect(localProblems(rate(), { isNew: true, existingIds: [] })).toEqual([])
    const broken = rate()
    broken.name = ''
    broken.calibers[0].formula = ''
    broken.calibers[0].to = '2020-01-01'
    broken.calibers[0].from = '2021-01-01'
    broken.calibers[0].measures['批捕人数'] = { ...newRecordMeasure(), date: '' }
    const problems = localProblems(broken, { isNew: true, existingIds: [broken.id] })
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'name', message: '指标名称不能为空' },
        { path: 'calibers.0.formula', message: '公式不能为空' },
        { path: 'calibers.0.measures.批捕人数.date', message: '不能为空' },
        { path: 'calibers.0.to', message: '结束日期早于开始日期' },
        { path: 'id', message: `指标编号 ${broken.id} 已被使用，请换一个` },
      ]),
    )
    const noMeasures = rate()
    noMeasures.calibers[0].measures = {}
    expect(localProblems(noMeasures, { isNew: false, existingIds: [] })).toContainEqual({
      path: 'calibers.0.measures',
      message: '至少需要一个度量',
    })
  })

  it('checks another indicator’s measure as that branch of the union', () => {
    const definition = rate()
    definition.calibers[0].measures['引用'] = { indicator: '', part: 'value' }
    expect(schemaProblems(definition)).toEqual([
      { path: 'calibers.0.measures.引用.indicator', message: '不能为空' },
    ])
    definition.calibers[0].measures['坏名 字'] = newRecordMeasure()
    expect(schemaProblems(definition)).toContainEqual({
      path: 'calibers.0.measures.坏名 字',
      message: '名称只能由汉字、字母、数字和下划线组成，且不以数字开头',
    })
  })
})

describe('problem paths', () => {
  it('labels paths in words', () => {
    const definition = rate()
    expect(pathLabel('name', definition)).toBe('指标名称')
    expect(pathLabel('tags.1', definition)).toBe('标签第 2 项')
    expect(pathLabel('calibers.0.formula', definition)).toBe('口径“现行口径”·公式')
    expect(pathLabel('calibers.0.measures.不捕人数.filter', definition)).toBe(
      '口径“现行口径”·度量“不捕人数”·筛选条件',
    )
    expect(pathLabel('calibers.3', definition)).toBe('口径“4”')
    expect(pathLabel('', definition)).toBe('指标定义')
  })

  it('places each problem at its control or the nearest one above it', () => {
    const definition = rate()
    const placed = placeProblems(
      [
        { path: 'name', message: 'a' },
        { path: 'tags.0', message: 'b' },
        { path: 'calibers.0.measures.不捕人数.filter', message: 'c', offset: 3, length: 2 },
        { path: 'calibers.0.measures.不捕人数.weird.deep', message: 'd' },
        { path: 'calibers.5.formula', message: 'e' },
        { path: 'nothing', message: 'f' },
      ],
      definition,
    )
    expect(placed.get('name')?.map((p) => p.message)).toEqual(['a'])
    expect(placed.get('tags')?.map((p) => p.message)).toEqual(['b'])
    expect(placed.get('calibers.0.measures.不捕人数.filter')?.map((p) => p.message)).toEqual(['c'])
    expect(placed.get('calibers.0.measures.不捕人数')?.map((p) => p.message)).toEqual(['d'])
    expect(placed.get('calibers')?.map((p) => p.message)).toEqual(['e'])
    expect(placed.get('')?.map((p) => p.message)).toEqual(['f'])
    const days = rate()
    days.calibers[0].measures['不捕人数'] = { ...newRecordMeasure(), of: 'days', stat: 'avg' }
    const forDays = placeProblems(
      [
        { path: 'calibers.0.measures.不捕人数.value', message: '办案天数需要开始和结束两个日期字段' },
        { path: 'calibers.0.measures.不捕人数.from', message: 'g' },
      ],
      days,
    )
    // A 办案天数 measure shows no 统计的值 control: that problem goes beside the measure.
    expect(forDays.get('calibers.0.measures.不捕人数')?.map((p) => p.message)).toEqual([
      '办案天数需要开始和结束两个日期字段',
    ])
    expect(forDays.get('calibers.0.measures.不捕人数.from')?.map((p) => p.message)).toEqual(['g'])
    expect(controlId('calibers.0.measures.不捕人数.filter')).toBe(
      'builder-calibers_0_measures_不捕人数_filter',
    )
  })
})

describe('live check and preview state', () => {
  const options = { unit: '320000', period: '2024', own: false, excludeFlagged: false }
  const result = { problems: [], result: null }

  it('is local while the builder’s own checks fail', () => {
    const local = [{ path: 'name', message: '指标名称不能为空' }]
    const check = checkState('a', 'a', { key: 'a', value: { problems: [] } }, local)
    expect(check).toEqual({ status: 'local', problems: local })
    expect(previewState(check, previewKey('a', options), options, { key: '' })).toEqual({ status: 'none' })
  })

  it('shows the engine’s findings elsewhere alongside the builder’s own', () => {
    const local = [{ path: 'name', message: '指标名称不能为空' }]
    const engine = [
      { path: 'name', message: '名称：不能为空或太小' },
      { path: 'calibers.0.formula', message: '公式：第 1 行第 5 列：此处应为…', offset: 4, length: 0 },
    ]
    expect(checkState('a', 'a', { key: 'a', value: { problems: engine } }, local)).toEqual({
      status: 'local',
      problems: [local[0], engine[1]],
    })
    expect(checkState('b', 'a', { key: 'a', value: { problems: engine } }, local)).toEqual({
      status: 'local',
      problems: local,
    })
    expect(mergeProblems([], engine)).toEqual(engine)
  })

  it('probes an unnamed draft with placeholders, and sends a complete one as it is', () => {
    const draft = rate()
    expect(probeDefinition(draft)).toEqual(draft)
    const unnamed = { ...draft, name: ' ', theme: '', id: 'a b' }
    expect(probeDefinition(unnamed)).toMatchObject({ name: '未命名指标', theme: '未分类', id: 'U000' })
    expect(localProblems(probeDefinition(unnamed), { isNew: false, existingIds: [] })).toEqual([])
  })

  it('checks until the answer for this draft arrives, then shows problems or previews', () => {
    expect(checkState('b', 'a', { key: 'a', value: { problems: [] } }, [])).toEqual({ status: 'checking' })
    const invalid = checkState('a', 'a', { key: 'a', value: { problems: [{ path: 'x', message: 'm' }] } }, [])
    expect(invalid).toEqual({ status: 'invalid', problems: [{ path: 'x', message: 'm' }] })
    const ok = checkState('a', 'a', { key: 'a', value: { problems: [] } }, [])
    expect(ok).toEqual({ status: 'ok' })
    const key = previewKey('a', options)
    expect(previewState(ok, key, options, { key: 'old' })).toEqual({ status: 'loading' })
    expect(previewState(ok, key, options, { key, value: result })).toEqual({
      status: 'done',
      preview: result,
    })
    expect(
      previewState(ok, key, options, { key, error: { code: 'INTERNAL', message: '失败' } }),
    ).toMatchObject({
      status: 'failed',
    })
  })

  it('blocks the preview on a period it cannot read or no unit', () => {
    const ok = { status: 'ok' } as const
    const bad = { ...options, period: '2024年' }
    expect(previewState(ok, previewKey('a', bad), bad, { key: '' })).toMatchObject({
      status: 'blocked',
      message: expect.stringContaining('期间'),
    })
    const noUnit = { ...options, unit: '' }
    expect(previewState(ok, previewKey('a', noUnit), noUnit, { key: '' })).toEqual({
      status: 'blocked',
      message: '请选择单位。',
    })
  })

  it('defaults to last calendar year', () => {
    expect(defaultPeriod(new Date(2025, 2, 1))).toBe('2024')
  })
})
