import { describe, expect, it } from 'vitest'
import { loadIndicatorLibrary } from '../../../electron/engine/indicators/library.ts'
import { planReport } from '../../../electron/engine/reports/plan.ts'
import { checkTemplate } from '../../../electron/engine/reports/template-check.ts'
import { loadBuiltinTemplates } from '../../../electron/engine/reports/templates.ts'
import type { IndicatorSummary } from '../../../shared/ipc/indicator-contract.ts'
import {
  allBlocks,
  BUILTIN_TEMPLATE_IDS,
  templateSchema,
  type ReportTemplateInput,
} from '../../../shared/reports/template.ts'

const library: IndicatorSummary[] = loadIndicatorLibrary().map((d) => ({
  ...d,
  effectiveDirection: d.direction,
  directionOverridden: false,
}))

const minimal = (sections: ReportTemplateInput['sections']): ReportTemplateInput => ({
  id: 'my-report',
  name: '我的报告',
  title: '{单位}{期间}报告',
  sections,
})

describe('built-in templates', () => {
  it('are the four of the issue, in that order, and every one checks against the indicator library', () => {
    const templates = loadBuiltinTemplates()
    expect(templates.map((t) => t.id)).toEqual([...BUILTIN_TEMPLATE_IDS])
    expect(templates.map((t) => t.name)).toEqual([
      '季度业务数据分析研判报告',
      '年度业务数据分析研判报告',
      '数据质量通报',
      '未成年人检察专题分析',
    ])
    for (const template of templates) expect(checkTemplate(template, library).problems).toEqual([])
  })

  it('give the quarterly and annual reports the six parts of reports.md §5.3', () => {
    for (const id of ['quarterly', 'annual']) {
      const template = loadBuiltinTemplates().find((t) => t.id === id)!
      expect(template.sections.map((s) => s.heading)).toEqual([
        '总体情况',
        '各条线运行情况',
        '案件质量主要评价指标情况',
        '数据质量情况',
        '存在问题及原因分析',
        '下一步工作建议',
      ])
      const types = new Set(allBlocks(template).map((b) => b.type))
      for (const type of [
        'indicatorTable',
        'unitTable',
        'flagTable',
        'trendChart',
        'rankingChart',
        'compositionChart',
        'profileChart',
        'problems',
        'suggestions',
      ])
        expect(types).toContain(type)
    }
  })

  it('plan what to compute: indicators, superlatives, trend months', () => {
    const quarterly = loadBuiltinTemplates().find((t) => t.id === 'quarterly')!
    const plan = planReport(quarterly)
    expect(plan.indicators).toEqual(
      expect.arrayContaining(['受理人数', '不捕率', '审查逮捕受理件数', '诉前羁押率']),
    )
    expect(plan.history).toEqual(expect.arrayContaining(['受理人数', '不捕率', '诉前羁押率']))
    expect(plan.trend).toEqual({
      indicators: expect.arrayContaining(['不捕率']),
      months: 24,
      inRepeat: false,
    })
    expect(plan.yearToDate).toBe(false)
  })
})

describe('template validation', () => {
  it('accepts a small template and fills in defaults', () => {
    const parsed = templateSchema.parse(
      minimal([
        { id: 's1', heading: '总体情况', blocks: [{ type: 'narrative', id: 'n1', text: '{不捕率}' }] },
      ]),
    )
    expect(parsed.sections[0].blocks[0]).toMatchObject({ unit: 'report', period: 'report' })
    expect(parsed).toMatchObject({ cover: true, appendix: true, flagScope: 'period', periodHint: 'any' })
  })

  it('says in Chinese where a template is malformed', () => {
    const { template, problems } = checkTemplate(
      {
        ...minimal([
          { id: 's1', heading: '', blocks: [{ type: 'chart', id: 'x' } as never] },
          { id: 's1', heading: '二', blocks: [{ type: 'narrative', id: 'n1', text: 'a' }] },
        ]),
        id: 'Bad Id',
      },
      library,
    )
    expect(template).toBeNull()
    const messages = problems.map((p) => `${p.path}：${p.message}`)
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^id：模板编号只能由小写字母/),
        expect.stringMatching(/^sections\.0\.heading：标题不能为空/),
        expect.stringMatching(/^sections\.0\.blocks\.0/),
      ]),
    )
    for (const problem of problems) expect(problem.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('refuses duplicate ids and nesting deeper than three levels', () => {
    const deep = {
      id: 'a',
      heading: '一',
      blocks: [],
      sections: [
        {
          id: 'b',
          heading: '二',
          blocks: [],
          sections: [
            { id: 'c', heading: '三', blocks: [], sections: [{ id: 'd', heading: '四', blocks: [] }] },
          ],
        },
      ],
    }
    const twice = { id: 'a', heading: '重复', blocks: [] }
    const messages = checkTemplate(minimal([deep, twice]), library).problems.map((p) => p.message)
    expect(messages).toEqual(expect.arrayContaining(['部分最多嵌套三层', '编号“a”重复']))
  })

  it('checks placeholders and indicators against the library', () => {
    const { template, problems } = checkTemplate(
      minimal([
        {
          id: 's1',
          heading: '{单位}情况',
          blocks: [
            {
              type: 'narrative',
              id: 'n1',
              text: '{不存在的指标}，{不捕率|比较}，{不捕率+不捕人数}，{核查|命中',
            },
            { type: 'trendChart', id: 't1', title: '', indicators: ['不捕率', '不捕人数'] },
            { type: 'compositionChart', id: 'c1', title: '', indicators: ['不捕率', '诉前羁押率'] },
            { type: 'rankingChart', id: 'r1', title: '', indicator: '不捕率X' },
          ],
        },
      ]),
      library,
    )
    expect(template).not.toBeNull()
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'sections.0.blocks.0.text', message: '“{不存在的指标}”：没有名为“不存在的指标”的指标' },
        { path: 'sections.0.blocks.0.text', message: expect.stringMatching(/^“{不捕率\|比较}”：属性应为/) },
        {
          path: 'sections.0.blocks.0.text',
          message: '“{不捕率+不捕人数}”：组合的两个指标应为件数或人数，“不捕率”不是',
        },
        { path: 'sections.0.blocks.0.text', message: expect.stringMatching(/没有配对的“}”/) },
        {
          path: 'sections.0.blocks.1.indicators',
          message: expect.stringMatching(/同一图中的指标应为同一类/),
        },
        { path: 'sections.0.blocks.2.indicators', message: '构成图的指标应为件数/人数' },
        { path: 'sections.0.blocks.3.indicator.0', message: '没有名为“不捕率X”的指标' },
      ]),
    )
  })
})
