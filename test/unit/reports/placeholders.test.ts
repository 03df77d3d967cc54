import { describe, expect, it } from 'vitest'
import {
  checkPlaceholderShape,
  indicatorNamesOf,
  placeholdersOf,
  renderText,
  tokenize,
  type Placeholder,
} from '../../../shared/reports/placeholders.ts'

/** Resolves from a table; a missing key is blank. */
const from = (values: Record<string, string>) => (p: Placeholder) => values[`${p.raw}`] ?? null

describe('placeholder syntax', () => {
  it('reads names, pairs and properties', () => {
    expect(placeholdersOf('{单位}{不捕率|同比}{审查逮捕受理件数+审查逮捕受理人数}')).toEqual([
      { raw: '单位', names: ['单位'], property: '值', offset: 0 },
      { raw: '不捕率|同比', names: ['不捕率'], property: '同比', offset: 4 },
      {
        raw: '审查逮捕受理件数+审查逮捕受理人数',
        names: ['审查逮捕受理件数', '审查逮捕受理人数'],
        property: '值',
        offset: 12,
      },
    ])
    expect(indicatorNamesOf('{单位}{核查|命中}{不捕率|同比}{A+B|同比}')).toEqual(['不捕率', 'A', 'B'])
  })

  it('reports unbalanced braces and malformed placeholders in Chinese', () => {
    expect(tokenize('不捕率{不捕率').errors[0].message).toMatch(/没有配对的“}”/)
    expect(tokenize('不捕率}').errors[0].message).toMatch(/没有配对的“{”/)
    expect(tokenize('{不捕率|同比|排名}').errors[0].message).toMatch(/格式不正确/)
    expect(tokenize('{A+B+C}').errors[0].message).toMatch(/最多组合两个指标/)
    expect(tokenize('{}').errors[0].message).toMatch(/格式不正确/)
  })

  it('checks which properties each kind of placeholder takes', () => {
    const shape = (text: string) => checkPlaceholderShape(placeholdersOf(text)[0])
    expect(shape('{单位}')).toBeNull()
    expect(shape('{单位|同比}')).toMatch(/不带属性/)
    expect(shape('{核查|命中}')).toBeNull()
    expect(shape('{核查|同比}')).toMatch(/核查的属性/)
    expect(shape('{不捕率|最值}')).toBeNull()
    expect(shape('{不捕率|比较}')).toMatch(/属性应为/)
    expect(shape('{A+B|去年同期}')).toBeNull()
    expect(shape('{A+B|排名}')).toMatch(/两个指标组合/)
  })
})

describe('no sentence on a blank value', () => {
  it('fills every placeholder when all have values', () => {
    const text = '不捕{不捕人数}，{不捕人数|同比}，不捕率{不捕率}。'
    expect(
      renderText(text, from({ 不捕人数: '6人', '不捕人数|同比': '同比上升5.0%', 不捕率: '60.0%' })),
    ).toBe('不捕6人，同比上升5.0%，不捕率60.0%。')
  })

  it('drops a later clause on a blank and keeps the sentence end', () => {
    const text = '不捕{不捕人数}，{不捕人数|同比}，不捕率{不捕率}。'
    expect(renderText(text, from({ 不捕人数: '6人', 不捕率: '60.0%' }))).toBe('不捕6人，不捕率60.0%。')
    expect(renderText(text, from({ 不捕人数: '6人', '不捕人数|同比': '同比上升5.0%' }))).toBe(
      '不捕6人，同比上升5.0%。',
    )
  })

  it('drops the whole sentence when the figure it is about is blank', () => {
    const text = '{期间}，不捕率{不捕率}，{不捕率|同比}。审结{审结人数}。'
    const values = { 期间: '2025年第三季度', '不捕率|同比': '同比增加1.0个百分点', 审结人数: '10人' }
    expect(renderText(text, from(values))).toBe('审结10人。')
  })

  it('drops a sentence whose first clause is blank, and one left with no figure at all', () => {
    expect(renderText('从{同级}看，{单位}排第一。余下。', from({ 单位: '南京市院' }))).toBe('余下。')
    expect(renderText('在审查逮捕环节，{A|同比}。', from({}))).toBe('')
  })

  it('keeps sentences and clauses without placeholders, and 、 or ： inside clauses', () => {
    expect(renderText('一是限期整改；二是落实责任。', from({}))).toBe('一是限期整改；二是落实责任。')
    expect(renderText('其中：{A}、{B}，合计{C}。', from({ A: '1人', B: '2人', C: '3人' }))).toBe(
      '其中：1人、2人，合计3人。',
    )
  })

  it('treats ；-separated parts as clauses of one sentence', () => {
    const text = '批捕{A}，{A|同比}；不捕{B}，{B|同比}；不捕率{C}。'
    expect(renderText(text, from({ A: '4人', B: '6人', C: '60.0%' }))).toBe('批捕4人；不捕6人；不捕率60.0%。')
    expect(renderText(text, from({ A: '4人', B: '6人' }))).toBe('批捕4人；不捕6人。')
  })

  it('returns an empty text when nothing is left', () => {
    expect(renderText('{A}。', from({}))).toBe('')
  })
})
