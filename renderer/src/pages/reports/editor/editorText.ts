/** Chinese names of the template model's choices, and the one-line summary of a collapsed block. */
import type { Block, ConditionTest, TableColumn, UnitSet } from '../../../../../shared/reports/template.ts'
import { BLOCK_TYPE_NAMES } from '../../../../../shared/reports/template.ts'
import type { PeriodHint } from '../reportSpec.ts'

export const UNIT_SET_NAMES: Readonly<Record<UnitSet, string>> = {
  auto: '自动（下级单位；无下级时为同级单位）',
  children: '下级单位',
  peers: '同级单位',
  compare: '对比单位',
}

export const TABLE_COLUMN_NAMES: Readonly<Record<TableColumn, string>> = {
  current: '本期',
  lastYear: '去年同期',
  yoy: '同比增减',
  mom: '环比增减',
  peerAverage: '同级均值',
  rank: '排名',
  direction: '指标方向',
}

export const PERIOD_HINT_NAMES: Readonly<Record<PeriodHint, string>> = {
  quarter: '季度',
  half: '半年',
  year: '年度',
  month: '月度',
  any: '不限',
}

export const FLAG_SCOPE_NAMES = {
  period: '期间内受理的案件',
  all: '全部（截至生成之日）',
} as const

export const FLAG_TABLE_BY_NAMES = { unit: '按单位', prosecutor: '按承办检察官', rule: '按核查规则' } as const
export const FLAG_CHART_BY_NAMES = { unit: '按单位', rule: '按核查规则', status: '按整改状态' } as const
export const COMPOSITION_BY_NAMES = {
  parts: '本单位各部分（饼图）',
  units: '各单位堆积柱形图',
} as const
export const PROBLEM_SCOPE_NAMES = {
  report: '本单位',
  children: '下级单位',
  both: '本单位和下级单位',
} as const
export const NARRATIVE_UNIT_NAMES = { report: '报告单位', parent: '上级院' } as const
export const NARRATIVE_PERIOD_NAMES = { report: '报告期间', yearToDate: '年初至期末累计' } as const
export const COMPARISON_NAMES = { yoy: '同比', mom: '环比' } as const

/** Tests that compare against a number. */
export const TESTS_WITH_VALUE: readonly ConditionTest[] = [
  'changeAtLeast',
  'changeAtMost',
  'valueAtLeast',
  'valueAtMost',
]

const clip = (text: string, length = 60) => (text.length > length ? `${text.slice(0, length)}…` : text)

/** What a collapsed block shows after its type. */
export function blockSummary(block: Block): string {
  switch (block.type) {
    case 'narrative':
      return clip(block.text.replace(/\s+/g, ' '))
    case 'problems':
      return `自动列出变化较大、偏离同级的指标，最多 ${block.limit} 条`
    case 'suggestions':
      return `由存在问题生成建议，最多 ${block.limit} 条${block.general.length ? `，另有 ${block.general.length} 段通用建议` : ''}`
    case 'pageBreak':
      return '从下一页开始'
    default:
      return clip(block.title)
  }
}

export const blockTypeName = (block: Pick<Block, 'type'>): string => BLOCK_TYPE_NAMES[block.type]
