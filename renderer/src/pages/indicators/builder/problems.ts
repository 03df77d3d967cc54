/**
 * Problems of a definition in Chinese, each with the path of the offending value
 * (`calibers.0.measures.不捕人数.filter`, as the engine's indicator/validate reports them): the schema's
 * own checks run here before the engine is asked, the paths name the form control a message is shown
 * next to, and `pathLabel` says in words where that is for the list of all problems.
 */
import type { z } from 'zod'
import type { IndicatorDefinition } from '../../../../../shared/indicators/model.ts'
import { indicatorSchema } from '../../../../../shared/indicators/model.ts'
import type { ValidationProblem } from '../../../../../shared/ipc/indicator-contract.ts'
import { placeAtControls } from '../../../format/problemPlacement.ts'

type Issue = z.core.$ZodIssue

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '列表',
  object: '若干“名称: 取值”',
  record: '若干“名称: 取值”',
}

/** Enum values of the model with their Chinese names, for “应为以下之一” messages. */
const VALUE_NAMES: Record<string, string> = {
  up: '正向',
  down: '反向',
  range: '区间',
  persons: '人数',
  cases: '件数',
  sum: '求和',
  avg: '平均',
  median: '中位数',
  days: '办案天数',
  value: '指标值',
  numerator: '分子',
  denominator: '分母',
  library: '内置',
  user: '自定义',
}

const valueName = (value: unknown): string =>
  typeof value === 'string' && VALUE_NAMES[value] ? `${value}（${VALUE_NAMES[value]}）` : String(value)

/**
 * Chinese messages for the schema's checks that carry no message of their own (the model's custom
 * messages, such as “指标名称不能为空”, take precedence over a per-parse map).
 */
export const chineseErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '不能缺少此项'
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字`
      if (issue.origin === 'array') return `至少需要 ${issue.minimum} 项`
      return `不能小于 ${issue.minimum}`
    case 'too_big':
      if (issue.origin === 'string') return `最长 ${issue.maximum} 个字`
      if (issue.origin === 'array') return `最多 ${issue.maximum} 项`
      return `不能大于 ${issue.maximum}`
    case 'invalid_value':
      if (issue.input === undefined) return '不能缺少此项'
      return `应为以下之一：${issue.values.map(valueName).join('、')}`
    case 'invalid_format':
      return '格式不正确'
    case 'unrecognized_keys':
      return `无法识别的项：${issue.keys.join('、')}`
    case 'invalid_key':
      return issue.issues[0]?.message ?? '名称不正确'
    default:
      return '取值不正确'
  }
}

const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    root,
  )

/**
 * Flattens zod issues into problems. A measure is a union (records or another indicator): its issues
 * are those of the branch the value looks like (it has `indicator` or not).
 */
export function issuesToProblems(
  issues: readonly Issue[],
  root: unknown,
  prefix: readonly PropertyKey[] = [],
): ValidationProblem[] {
  const problems: ValidationProblem[] = []
  for (const issue of issues) {
    const path = [...prefix, ...issue.path]
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const value = valueAt(root, path)
      const isIndicator = value !== null && typeof value === 'object' && 'indicator' in value
      const branch = issue.errors[isIndicator ? 1 : 0] ?? issue.errors[0]
      problems.push(...issuesToProblems(branch, root, path))
      continue
    }
    problems.push({ path: path.map(String).join('.'), message: issue.message })
  }
  return problems
}

/** The model's checks of a definition, in Chinese (no engine needed: names, dates, formula present …). */
export function schemaProblems(definition: unknown): ValidationProblem[] {
  const parsed = indicatorSchema.safeParse(definition, { error: chineseErrorMap })
  return parsed.success ? [] : issuesToProblems(parsed.error.issues, definition)
}

const TOP_LABELS: Record<string, string> = {
  id: '指标编号',
  name: '指标名称',
  description: '说明',
  theme: '主题',
  tags: '标签',
  direction: '指标方向',
  unit: '显示单位',
  precision: '小数位数',
  pairs: '组合指标',
  calibers: '口径',
  source: '来源',
}

const CALIBER_LABELS: Record<string, string> = {
  id: '口径编号',
  name: '口径名称',
  from: '生效开始日期',
  to: '生效结束日期',
  note: '口径备注',
  formula: '公式',
  measures: '度量',
}

const MEASURE_LABELS: Record<string, string> = {
  dataset: '数据',
  of: '统计方式',
  date: '归属月份的日期字段',
  filter: '筛选条件',
  value: '统计的值',
  from: '起始日期字段',
  to: '截止日期字段',
  stat: '天数的汇总方式',
  description: '说明',
  indicator: '引用的指标',
  part: '引用的部分',
}

/**
 * Where a path points, in words.
 *
 * @example pathLabel('calibers.0.measures.不捕人数.filter', definition) === '口径“现行口径”·度量“不捕人数”·筛选条件'
 */
export function pathLabel(path: string, definition: Pick<IndicatorDefinition, 'calibers'> | null): string {
  if (path === '') return '指标定义'
  const [head, index, key, measure, field] = path.split('.')
  if (head !== 'calibers') {
    const label = TOP_LABELS[head] ?? head
    return index === undefined ? label : `${label}第 ${Number(index) + 1} 项`
  }
  if (index === undefined) return '口径'
  const caliber = definition?.calibers[Number(index)]
  const parts = [`口径“${caliber?.name || Number(index) + 1}”`]
  if (key !== undefined) {
    if (key === 'measures' && measure !== undefined) {
      parts.push(`度量“${measure}”`)
      if (field !== undefined) parts.push(MEASURE_LABELS[field] ?? field)
    } else {
      parts.push(CALIBER_LABELS[key] ?? key)
    }
  }
  return parts.join('·')
}

/** The DOM id of the control for a path, so a problem in the list can focus it. */
export const controlId = (path: string): string => `builder-${path.replace(/[^\p{L}\p{N}_-]/gu, '_')}`

const TOP_CONTROLS = [
  'id',
  'name',
  'description',
  'theme',
  'tags',
  'direction',
  'unit',
  'precision',
  'calibers',
]
const CALIBER_CONTROLS = ['id', 'name', 'from', 'to', 'note', 'formula', 'measures']
const RECORD_CONTROLS = ['dataset', 'of', 'date', 'filter', 'description']
const INDICATOR_CONTROLS = ['indicator', 'part', 'description']

/** The controls the form shows for a measure: `value` only for 求和/平均/中位数, `from`/`to`/`stat` for 办案天数. */
function measureControls(measure: unknown): string[] {
  if (measure === null || typeof measure !== 'object') return RECORD_CONTROLS
  if ('indicator' in measure) return INDICATOR_CONTROLS
  const of = (measure as { of?: unknown }).of
  if (of === 'sum' || of === 'avg' || of === 'median') return [...RECORD_CONTROLS, 'value']
  if (of === 'days') return [...RECORD_CONTROLS, 'from', 'to', 'stat']
  return RECORD_CONTROLS
}

/** The paths the form has a control for (each shows the problems placed at it). */
export function controlPaths(definition: Pick<IndicatorDefinition, 'calibers'>): Set<string> {
  const paths = new Set(TOP_CONTROLS)
  definition.calibers.forEach((caliber, index) => {
    const base = `calibers.${index}`
    paths.add(base)
    for (const key of CALIBER_CONTROLS) paths.add(`${base}.${key}`)
    for (const [name, measure] of Object.entries(caliber.measures ?? {})) {
      const path = `${base}.measures.${name}`
      paths.add(path)
      for (const key of measureControls(measure)) paths.add(`${path}.${key}`)
    }
  })
  return paths
}

/**
 * Each problem at the control for its path, or for the nearest ancestor path that has one (the
 * engine may report deeper than the form goes: `tags.0`, a measure field the form does not show).
 * Problems no control takes are under ''.
 */
export function placeProblems(
  problems: readonly ValidationProblem[],
  definition: Pick<IndicatorDefinition, 'calibers'>,
): Map<string, ValidationProblem[]> {
  return placeAtControls(problems, controlPaths(definition))
}
