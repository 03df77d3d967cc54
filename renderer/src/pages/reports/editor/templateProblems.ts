/**
 * The problems of report/template/validate placed at the editor's controls: each problem's path
 * (`sections.2.blocks.0.text`) goes to the control for that path, or for its nearest ancestor the form
 * shows (a list of indicators takes the problems of its items); `pathLabel` says in words where a
 * path is, for the list of all problems.
 */
import type { TemplateProblem } from '../../../../../shared/ipc/report-contract.ts'
import {
  BLOCK_TYPE_NAMES,
  type Block,
  type BlockType,
  type ReportTemplate,
  type Section,
} from '../../../../../shared/reports/template.ts'
import { placeAtControls } from '../../../format/problemPlacement.ts'

/** The fields the form shows for each block type (besides `id`). */
export const BLOCK_FIELDS: Readonly<Record<BlockType, readonly string[]>> = {
  narrative: ['text', 'cases', 'unit', 'period'],
  indicatorTable: ['title', 'indicators', 'columns', 'note'],
  unitTable: ['title', 'indicators', 'units', 'sortBy', 'total', 'note'],
  flagTable: ['title', 'by', 'limit', 'note'],
  trendChart: ['title', 'indicators', 'months', 'lastYear'],
  rankingChart: ['title', 'indicator', 'units'],
  compositionChart: ['title', 'indicators', 'by', 'units'],
  profileChart: ['title', 'indicators'],
  flagChart: ['title', 'by', 'limit'],
  problems: ['indicators', 'scope', 'limit', 'thresholds', 'empty'],
  suggestions: ['limit', 'general'],
  pageBreak: [],
}

export const TOP_FIELDS = [
  'id',
  'name',
  'description',
  'title',
  'subtitle',
  'periodHint',
  'flagScope',
  'cover',
  'appendix',
  'sections',
] as const

export const THRESHOLD_FIELDS = ['countChange', 'rateChange', 'sigma', 'minDenominator'] as const

/** Paths of the controls the form shows for a block at `path`. */
function blockControls(block: Block, path: string, add: (p: string) => void) {
  add(path)
  add(`${path}.id`)
  add(`${path}.type`)
  for (const field of BLOCK_FIELDS[block.type]) add(`${path}.${field}`)
  if (block.type === 'narrative') {
    block.cases?.forEach((c, j) => {
      add(`${path}.cases.${j}`)
      add(`${path}.cases.${j}.text`)
      add(`${path}.cases.${j}.when`)
      c.when.forEach((_, k) => add(`${path}.cases.${j}.when.${k}`))
    })
  }
  if (block.type === 'problems') for (const field of THRESHOLD_FIELDS) add(`${path}.thresholds.${field}`)
  if (block.type === 'suggestions') block.general.forEach((_, j) => add(`${path}.general.${j}`))
}

/** Every path the form has a control for. */
export function controlPaths(template: Pick<ReportTemplate, 'sections'>): Set<string> {
  const paths = new Set<string>(TOP_FIELDS)
  const add = (p: string) => paths.add(p)
  const visit = (sections: readonly Section[], prefix: string) =>
    sections.forEach((section, i) => {
      const path = `${prefix}${prefix ? '.' : ''}sections.${i}`
      for (const p of [path, `${path}.id`, `${path}.heading`, `${path}.repeat`, `${path}.blocks`]) add(p)
      section.blocks.forEach((block, j) => blockControls(block, `${path}.blocks.${j}`, add))
      if (section.sections) {
        add(`${path}.sections`)
        visit(section.sections, path)
      }
    })
  visit(template.sections, '')
  return paths
}

/**
 * Each problem under the control for its path or its nearest ancestor with one; problems no control
 * takes (a malformed top level) are under ''.
 */
export function placeProblems(
  problems: readonly TemplateProblem[],
  template: Pick<ReportTemplate, 'sections'>,
): Map<string, TemplateProblem[]> {
  return placeAtControls(problems, controlPaths(template))
}

/** How many problems sit at a path or anywhere below it (a collapsed block shows the count). */
export function problemsBelow(placed: ReadonlyMap<string, readonly TemplateProblem[]>, path: string): number {
  let count = 0
  for (const [at, list] of placed) if (at === path || at.startsWith(`${path}.`)) count += list.length
  return count
}

const TOP_LABELS: Record<string, string> = {
  id: '模板编号',
  name: '模板名称',
  description: '说明',
  title: '报告标题',
  subtitle: '副标题',
  periodHint: '适用期间',
  flagScope: '核查范围',
  cover: '封面信息',
  appendix: '附录',
  sections: '部分',
}

export const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  type: '类型',
  heading: '标题',
  repeat: '逐一重复',
  blocks: '内容块',
  text: '文字',
  cases: '条件句式',
  when: '条件',
  unit: '单位',
  period: '期间',
  title: '标题',
  indicators: '指标',
  indicator: '指标',
  columns: '列',
  note: '注',
  units: '单位范围',
  sortBy: '排序指标',
  total: '合计行',
  by: '分组',
  limit: '条数上限',
  months: '月数',
  lastYear: '去年同期',
  scope: '范围',
  thresholds: '阈值',
  countChange: '数量变化阈值',
  rateChange: '比率变化阈值',
  sigma: '偏离倍数',
  minDenominator: '最小样本',
  empty: '无问题时的文字',
  general: '通用建议',
  test: '判断',
  value: '数值',
  comparison: '比较',
}

const ordinal = (index: number) => `第 ${index + 1} `

/**
 * Where a path points, in words.
 * @example pathLabel('sections.0.blocks.1.text', t) === '部分“总体情况”·第 2 块（文字段落）·文字'
 */
export function pathLabel(path: string, template: Pick<ReportTemplate, 'sections'> | null): string {
  if (path === '') return '模板'
  const parts = path.split('.')
  const labels: string[] = []
  let sections: readonly Section[] | undefined = template?.sections
  let block: Block | undefined
  let i = 0
  if (parts[0] !== 'sections') {
    labels.push(TOP_LABELS[parts[0]] ?? parts[0])
    i = 1
  }
  while (i < parts.length) {
    const key = parts[i]
    const index = Number(parts[i + 1])
    if (key === 'sections' && Number.isInteger(index)) {
      const section: Section | undefined = sections?.[index]
      labels.push(section ? `部分“${section.heading || index + 1}”` : `${ordinal(index)}部分`)
      sections = section?.sections
      i += 2
    } else if (key === 'blocks' && Number.isInteger(index) && block === undefined) {
      const section = labels.length > 0 ? findSection(template, parts.slice(0, i)) : undefined
      block = section?.blocks[index]
      labels.push(`${ordinal(index)}块${block ? `（${BLOCK_TYPE_NAMES[block.type]}）` : ''}`)
      i += 2
    } else if (Number.isInteger(Number(key))) {
      labels[labels.length - 1] += `${ordinal(Number(key))}项`
      i += 1
    } else {
      labels.push(FIELD_LABELS[key] ?? TOP_LABELS[key] ?? key)
      i += 1
    }
  }
  return labels.join('·')
}

function findSection(
  template: Pick<ReportTemplate, 'sections'> | null,
  parts: readonly string[],
): Section | undefined {
  let list: readonly Section[] | undefined = template?.sections
  let found: Section | undefined
  for (let i = 0; i + 1 < parts.length; i += 2) {
    if (parts[i] !== 'sections') return undefined
    found = list?.[Number(parts[i + 1])]
    list = found?.sections
  }
  return found
}

/** The DOM id of the control for a path, so a problem in the list can focus it. */
export const controlId = (path: string): string => `tpl-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`
