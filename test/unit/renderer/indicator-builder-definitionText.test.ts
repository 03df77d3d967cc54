import { describe, expect, it } from 'vitest'
import { indicatorSchema, type IndicatorDefinition } from '../../../shared/indicators/model.ts'
import {
  definitionToText,
  textToDefinition,
} from '../../../renderer/src/pages/indicators/builder/definitionText.ts'

const RATE: IndicatorDefinition = {
  id: 'U001',
  name: '不捕率',
  description: '不批准逮捕人数占审结人数的比例',
  theme: '审查逮捕',
  tags: ['捕诉', '核心'],
  direction: 'down',
  unit: '%',
  precision: 2,
  calibers: [
    {
      id: 'c2023',
      name: '2023 年起口径',
      from: '2023-01-01',
      measures: {
        不捕人数: {
          dataset: '010101',
          of: 'persons',
          date: '审结日期',
          filter: "审结处理结果 = '不批准逮捕' 且 [涉案金额（万元）] > 1: 2",
          description: '不批准逮捕的人数',
        },
        批捕人数: { dataset: '010101', of: 'persons', date: '审结日期', filter: "审结处理结果 = '批准逮捕'" },
        审查天数: {
          dataset: 7,
          of: 'days',
          date: '审结日期',
          from: '受理日期',
          to: '审结日期',
          stat: 'median',
        },
        起诉率: { indicator: 'QS01', part: 'numerator' },
      },
      formula: '不捕人数 / (批捕人数 + 不捕人数)',
    },
  ],
  source: 'user',
}

describe('definition text (YAML)', () => {
  it('writes keys in reading order and reads back the same definition', () => {
    const text = definitionToText(RATE)
    expect(text.split('\n').slice(0, 4)).toEqual([
      'id: U001',
      'name: 不捕率',
      'description: 不批准逮捕人数占审结人数的比例',
      'theme: 审查逮捕',
    ])
    expect(text).toContain('dataset: "010101"')
    expect(text).not.toContain('source')
    const back = textToDefinition(text, RATE)
    expect(back).toEqual({ ok: true, definition: RATE })
    // What the text gives is what the model accepts.
    expect(indicatorSchema.safeParse(back.ok && back.definition).success).toBe(true)
  })

  it('leaves out empty optional items and fills them back in', () => {
    const plain: IndicatorDefinition = { ...RATE, description: '', tags: [] }
    const text = definitionToText(plain)
    expect(text).not.toMatch(/^description:/m)
    expect(text).not.toMatch(/^tags:/m)
    expect(textToDefinition(text, plain)).toEqual({ ok: true, definition: plain })
  })

  it('keeps the source of the draft it replaces (the text cannot make a library indicator)', () => {
    const result = textToDefinition(`${definitionToText(RATE)}source: library\n`, { source: 'user' })
    expect(result.ok && result.definition.source).toBe('user')
  })

  it('accepts shapes the content checks will reject, so the form follows and validation speaks', () => {
    const result = textToDefinition(definitionToText(RATE).replace('name: 不捕率', 'name: ""'), RATE)
    expect(result.ok && result.definition.name).toBe('')
    const noName = textToDefinition(definitionToText(RATE).replace('name: 不捕率\n', ''), RATE)
    expect(noName.ok && noName.definition.name).toBe('')
  })

  it('reads an unquoted 010101 (a YAML number) as the export kind', () => {
    const text = definitionToText(RATE).replaceAll('dataset: "010101"', 'dataset: 010101')
    const result = textToDefinition(text, RATE)
    expect(result.ok && result.definition.calibers[0].measures['不捕人数']).toMatchObject({
      dataset: '010101',
    })
  })

  it('reports YAML syntax errors in Chinese with line and column', () => {
    const result = textToDefinition('id: U001\nname: [不捕率\n', RATE)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.message).toMatch(/^第 \d+ 行第 \d+ 列：YAML 格式错误：/)
    expect(result.line).toBeGreaterThan(0)
    expect(textToDefinition("name: '不捕率\n", RATE)).toMatchObject({
      ok: false,
      message: expect.stringContaining('引号未闭合'),
    })
    expect(textToDefinition('name: a\nname: b\n', RATE)).toMatchObject({
      ok: false,
      message: expect.stringContaining('重复'),
    })
    expect(textToDefinition('a:\n\t- b', RATE)).toMatchObject({
      ok: false,
      message: expect.stringContaining('Tab'),
    })
  })

  it('reports shape errors with the item named in Chinese and its line', () => {
    const wrongKind = textToDefinition(definitionToText(RATE).replace('of: persons', 'of: people'), RATE)
    expect(wrongKind.ok).toBe(false)
    if (!wrongKind.ok) {
      expect(wrongKind.message).toContain('口径“2023 年起口径”·度量“不捕人数”·统计方式')
      expect(wrongKind.message).toContain('persons（人数）')
      expect(wrongKind.message).toMatch(/^第 \d+ 行：/)
    }
    const typo = textToDefinition(definitionToText(RATE).replace('formula:', 'formla:'), RATE)
    expect(typo).toMatchObject({ ok: false, message: expect.stringContaining('无法识别的项：formla') })
    const precision = textToDefinition(
      definitionToText(RATE).replace('precision: 2', 'precision: 两位'),
      RATE,
    )
    expect(precision).toMatchObject({ ok: false, message: expect.stringContaining('小数位数：应为数字') })
    const direction = textToDefinition(definitionToText(RATE).replace('direction: down\n', ''), RATE)
    expect(direction).toMatchObject({ ok: false, message: expect.stringContaining('指标方向：不能缺少此项') })
    const dataset = textToDefinition(definitionToText(RATE).replace('dataset: 7', 'dataset: 审查逮捕'), RATE)
    expect(dataset).toMatchObject({ ok: false, message: expect.stringContaining('010101（审查逮捕）') })
  })

  it('refuses text that is not a mapping', () => {
    for (const text of ['', '- a\n- b', '不捕率']) {
      expect(textToDefinition(text, RATE)).toMatchObject({
        ok: false,
        message: expect.stringContaining('指标定义'),
      })
    }
  })
})
