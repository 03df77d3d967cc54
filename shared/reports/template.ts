/**
 * Report templates as plain data (JSON): the built-ins in resources/reports, the analyst's own in the
 * workspace. A template is a title and a tree of sections (numbered 一、（一）1. when built), each a
 * list of blocks:
 *
 * - `narrative`: sentences with placeholders ({不捕率}, {不捕率|同比}, {审查逮捕受理件数+审查逮捕受理人数},
 *   see placeholders.ts) bound to a unit (the report's, or its 上级院) and a period (the report's, or
 *   1至N月 累计), with `cases` for conditional phrasing (the first whose conditions all hold is used);
 * - `indicatorTable` (本期, 去年同期, 同比增减, 全市/全省均值, 排名 …), `unitTable` (units × indicators,
 *   ranked), `flagTable` (data-quality flags by unit, 承办检察官 or rule);
 * - charts: `trendChart` (month by month), `rankingChart` (units, best first), `compositionChart`
 *   (parts of a whole, pie or stacked bars), `profileChart` (a unit against its peers' average),
 *   `flagChart` (flags by unit, rule or status);
 * - `problems` (存在问题: large changes, units far from their peers, blanks, warnings from other
 *   sources) and `suggestions` (工作建议 derived from them), `pageBreak`.
 *
 * A section with `repeat: 'children'` is written once per subordinate unit of the report's unit,
 * its blocks bound to that unit.
 */
import { z } from 'zod'

/** Template ids: lowercase letters, digits and '-' (quarterly, topic-minors, my-monthly). */
export const TEMPLATE_ID = /^[a-z][a-z0-9-]{1,39}$/
export const BUILTIN_TEMPLATE_IDS = ['quarterly', 'annual', 'quality', 'topic-minors'] as const

const blockId = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, '块编号只能由字母、数字、下划线和减号组成，且以字母开头')
const indicatorRef = z.string().trim().min(1, '指标不能为空').max(80)
const text = z.string().max(4000, '文字最长 4000 字')
const title = z.string().max(200, '标题最长 200 字')

/** Which units a table or chart lists: subordinates (auto: or the peers when there are none). */
export const UNIT_SETS = ['auto', 'children', 'peers', 'compare'] as const
export type UnitSet = (typeof UNIT_SETS)[number]

export const CONDITION_TESTS = [
  'rises',
  'falls',
  'flat',
  'aboveAverage',
  'belowAverage',
  'present',
  'absent',
  'changeAtLeast',
  'changeAtMost',
  'valueAtLeast',
  'valueAtMost',
] as const
export type ConditionTest = (typeof CONDITION_TESTS)[number]

/** What each test means, for the template editor. */
export const CONDITION_TEST_NAMES: Readonly<Record<ConditionTest, string>> = {
  rises: '上升（增加）',
  falls: '下降（减少）',
  flat: '持平',
  aboveAverage: '高于同级平均',
  belowAverage: '低于同级平均',
  present: '有数据',
  absent: '无数据（空白）',
  changeAtLeast: '变化不小于',
  changeAtMost: '变化不大于',
  valueAtLeast: '数值不小于',
  valueAtMost: '数值不大于',
}

export const conditionSchema = z.object({
  /** An indicator, or 核查 (the data-quality flags: only `present` / `absent`). */
  indicator: indicatorRef,
  test: z.enum(CONDITION_TESTS),
  /** For changeAtLeast/AtMost (in % or 个百分点, signed) and valueAtLeast/AtMost (display units). */
  value: z.number().optional(),
  comparison: z.enum(['yoy', 'mom']).default('yoy'),
})
export type Condition = z.infer<typeof conditionSchema>

const narrative = z.object({
  type: z.literal('narrative'),
  id: blockId,
  /** Sentences with placeholders; a line break starts a new paragraph. */
  text: text.min(1, '文字不能为空'),
  cases: z
    .array(z.object({ when: z.array(conditionSchema).min(1).max(5), text: text.min(1) }))
    .max(10)
    .optional(),
  unit: z.enum(['report', 'parent']).default('report'),
  period: z.enum(['report', 'yearToDate']).default('report'),
})

export const TABLE_COLUMNS = [
  'current',
  'lastYear',
  'yoy',
  'mom',
  'peerAverage',
  'rank',
  'direction',
] as const
export type TableColumn = (typeof TABLE_COLUMNS)[number]

const indicatorTable = z.object({
  type: z.literal('indicatorTable'),
  id: blockId,
  title,
  indicators: z.array(indicatorRef).min(1).max(80),
  columns: z
    .array(z.enum(TABLE_COLUMNS))
    .min(1)
    .max(TABLE_COLUMNS.length)
    .default(['current', 'lastYear', 'yoy', 'peerAverage', 'rank']),
  note: text.optional(),
})

const unitTable = z.object({
  type: z.literal('unitTable'),
  id: blockId,
  title,
  indicators: z.array(indicatorRef).min(1).max(8),
  units: z.enum(UNIT_SETS).default('auto'),
  /** Rows in the order of this indicator, best first by its direction (default: unit code order). */
  sortBy: indicatorRef.optional(),
  /** A last row with the unit itself (全市 / 全省). */
  total: z.boolean().default(true),
  note: text.optional(),
})

const flagTable = z.object({
  type: z.literal('flagTable'),
  id: blockId,
  title,
  by: z.enum(['unit', 'prosecutor', 'rule']),
  limit: z.number().int().min(1).max(200).default(20),
  note: text.optional(),
})

const trendChart = z.object({
  type: z.literal('trendChart'),
  id: blockId,
  title,
  indicators: z.array(indicatorRef).min(1).max(4),
  months: z.number().int().min(3).max(60).default(12),
  /** With one indicator: also the same months a year earlier. */
  lastYear: z.boolean().default(false),
})

const rankingChart = z.object({
  type: z.literal('rankingChart'),
  id: blockId,
  title,
  indicator: indicatorRef,
  units: z.enum(UNIT_SETS).default('auto'),
})

const compositionChart = z.object({
  type: z.literal('compositionChart'),
  id: blockId,
  title,
  /** The parts (counts of the same kind). */
  indicators: z.array(indicatorRef).min(2).max(8),
  /** parts: one pie of the unit's figures; units: stacked bars, one per unit. */
  by: z.enum(['parts', 'units']).default('parts'),
  units: z.enum(UNIT_SETS).default('auto'),
})

const profileChart = z.object({
  type: z.literal('profileChart'),
  id: blockId,
  title,
  indicators: z.array(indicatorRef).min(2).max(8),
})

const flagChart = z.object({
  type: z.literal('flagChart'),
  id: blockId,
  title,
  by: z.enum(['unit', 'rule', 'status']),
  limit: z.number().int().min(1).max(40).default(15),
})

export const problemThresholdsSchema = z.object({
  /** |同比| of counts, days and ratios, in %. */
  countChange: z.number().min(0).max(1000).default(20),
  /** |同比| of rates, in 个百分点. */
  rateChange: z.number().min(0).max(100).default(5),
  /** Units beyond average ± sigma × standard deviation of their peers. */
  sigma: z.number().min(0.5).max(5).default(2),
  /** Rates with fewer in the denominator are marked 样本较少. */
  minDenominator: z.number().int().min(0).max(10_000).default(10),
})
export type ProblemThresholds = z.infer<typeof problemThresholdsSchema>

const problems = z.object({
  type: z.literal('problems'),
  id: blockId,
  /** Default: every indicator the template uses elsewhere. */
  indicators: z.array(indicatorRef).max(80).optional(),
  /** The report's unit, its subordinate units, or both. */
  scope: z.enum(['report', 'children', 'both']).default('both'),
  limit: z.number().int().min(1).max(50).default(8),
  thresholds: problemThresholdsSchema.default({
    countChange: 20,
    rateChange: 5,
    sigma: 2,
    minDenominator: 10,
  }),
  /** Written when nothing is found. */
  empty: text.default('从本期数据看，各项主要指标运行平稳，未发现明显异常。'),
})

const suggestions = z.object({
  type: z.literal('suggestions'),
  id: blockId,
  limit: z.number().int().min(0).max(20).default(6),
  /** Paragraphs written after the derived suggestions (placeholders allowed). */
  general: z.array(text.min(1)).max(20).default([]),
})

const pageBreak = z.object({ type: z.literal('pageBreak'), id: blockId.optional() })

export const blockSchema = z.discriminatedUnion('type', [
  narrative,
  indicatorTable,
  unitTable,
  flagTable,
  trendChart,
  rankingChart,
  compositionChart,
  profileChart,
  flagChart,
  problems,
  suggestions,
  pageBreak,
])
export type Block = z.infer<typeof blockSchema>
export type BlockType = Block['type']
export type BlockOf<T extends BlockType> = Extract<Block, { type: T }>

/** What each block type is, for the template editor. */
export const BLOCK_TYPE_NAMES: Readonly<Record<BlockType, string>> = {
  narrative: '文字段落',
  indicatorTable: '指标表',
  unitTable: '单位排名表',
  flagTable: '核查命中表',
  trendChart: '趋势图',
  rankingChart: '排名图',
  compositionChart: '构成图',
  profileChart: '对比图',
  flagChart: '核查统计图',
  problems: '存在问题',
  suggestions: '工作建议',
  pageBreak: '分页',
}

export interface Section {
  id: string
  heading: string
  /** Written once per subordinate unit of the report's unit (skipped when it has none). */
  repeat?: 'children'
  blocks: Block[]
  sections?: Section[]
}
export type SectionInput = z.input<typeof sectionBase> & { sections?: SectionInput[] }

const sectionBase = z.object({
  id: blockId,
  heading: z.string().trim().min(1, '标题不能为空').max(100, '标题最长 100 字'),
  repeat: z.literal('children').optional(),
  blocks: z.array(blockSchema).max(60).default([]),
})

export const sectionSchema: z.ZodType<Section, SectionInput> = sectionBase.extend({
  sections: z.lazy(() => z.array(sectionSchema).max(30)).optional(),
})

export const PERIOD_HINTS = ['quarter', 'half', 'year', 'month', 'any'] as const

export const templateSchema = z
  .object({
    id: z.string().regex(TEMPLATE_ID, '模板编号只能由小写字母、数字和减号组成，以字母开头，2–40 个字符'),
    name: z.string().trim().min(1, '模板名称不能为空').max(60, '模板名称最长 60 字'),
    description: z.string().max(1000).default(''),
    /** The document title; placeholders {单位} {期间} allowed. */
    title: title.min(1, '报告标题不能为空'),
    subtitle: title.optional(),
    /** The period the template is meant for (the UI's default choice). */
    periodHint: z.enum(PERIOD_HINTS).default('any'),
    /** Data-quality flags of records in the period (受理日期), or all flags as of today. */
    flagScope: z.enum(['period', 'all']).default('period'),
    cover: z.boolean().default(true),
    appendix: z.boolean().default(true),
    sections: z.array(sectionSchema).min(1, '至少需要一个部分').max(30),
  })
  .superRefine((template, ctx) => {
    const seen = new Set<string>()
    const visit = (sections: Section[], depth: number, path: (string | number)[]) => {
      sections.forEach((section, i) => {
        const here = [...path, i]
        if (depth > 3)
          ctx.addIssue({ code: 'custom', path: [...here, 'heading'], message: '部分最多嵌套三层' })
        for (const id of [section.id, ...section.blocks.flatMap((b) => (b.id ? [b.id] : []))]) {
          if (seen.has(id))
            ctx.addIssue({ code: 'custom', path: [...here, 'id'], message: `编号“${id}”重复` })
          seen.add(id)
        }
        if (section.sections) visit(section.sections, depth + 1, [...here, 'sections'])
      })
    }
    visit(template.sections, 1, ['sections'])
  })

export type ReportTemplate = z.infer<typeof templateSchema>
export type ReportTemplateInput = z.input<typeof templateSchema>

/** Every section of a template, depth first, with its depth (1 = top level). */
export function walkSections(sections: readonly Section[], depth = 1): { section: Section; depth: number }[] {
  return sections.flatMap((section) => [
    { section, depth },
    ...walkSections(section.sections ?? [], depth + 1),
  ])
}

/** Every block of a template, in document order. */
export function allBlocks(template: Pick<ReportTemplate, 'sections'>): Block[] {
  return walkSections(template.sections).flatMap(({ section }) => section.blocks)
}
