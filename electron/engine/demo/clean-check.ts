/**
 * A checker of the demo's ground truth: the simplest row-level rules of rules.md (§4.1 R001–R076,
 * §4.2, §4.3) as plain TypeScript predicates over exported rows, plus the case-level and
 * cross-export consistency the generator promises. Tests assert that clean rows pass and injected
 * ones fail the rule the manifest names. It is not the rule engine (that comes with the expression
 * language); it is the yardstick to measure it against.
 *
 * Rule ids: R### = rules.md §4.1, S# = §4.2, F## = item ## of §4.3.
 */
import { ARREST_RULES } from './clean-rules-arrest.ts'
import {
  COMMON_RULES,
  chargeSet,
  day,
  sameSet,
  text,
  type CheckContext,
  type Row,
  type RowRule,
} from './clean-rules-common.ts'
import { PROSECUTION_RULES } from './clean-rules-prosecution.ts'
import { TRIAL_RULES } from './clean-rules-trial.ts'
import type { DemoKind } from './columns.ts'

export type { CheckContext, Row, RowRule } from './clean-rules-common.ts'

export const RULES: Record<DemoKind, RowRule[]> = {
  '010101': [...COMMON_RULES, ...ARREST_RULES],
  '020101': [...COMMON_RULES, ...PROSECUTION_RULES, ...TRIAL_RULES],
}

/** Ids of the rules a row breaks (empty for a clean row). */
export function checkRow(kind: DemoKind, row: Row, ctx: CheckContext): string[] {
  const broken: string[] = []
  for (const rule of RULES[kind]) if (rule.violated(row, ctx)) broken.push(rule.id)
  return broken
}

/** 全案_ columns whose value differs between the rows of one case. */
export function caseMismatches(rows: readonly Row[]): string[] {
  if (rows.length < 2) return []
  const fields = Object.keys(rows[0]).filter((name) => name.startsWith('全案_'))
  return fields.filter((name) => rows.some((row) => text(row, name) !== text(rows[0], name)))
}

/**
 * Case-level rules over all rows of one case: the union of the suspects' charges equals the case's
 * (R001 / R029, 一案多人), and 全案 results agree with the suspects' (R005 / R066).
 */
export function checkCase(kind: DemoKind, rows: readonly Row[]): string[] {
  const broken: string[] = []
  const [main, others, personMain, personOthers] =
    kind === '010101'
      ? ['移送案由', '移送其他案由', '涉嫌案由', '涉嫌其他案由']
      : ['全案_移送案由', '全案_移送其他案由', '移诉案由', '移诉其他案由']
  const union = new Set(rows.flatMap((row) => [...chargeSet(row, personMain, personOthers)]))
  if (!sameSet(union, chargeSet(rows[0], main, others))) broken.push(kind === '010101' ? 'R001' : 'R029')
  if (kind === '010101') {
    const whole = text(rows[0], '全案_审结处理结果')
    const approved = rows.some((row) => text(row, '审结处理结果') === '批准逮捕')
    if (whole !== '' && (whole === '批准逮捕') !== approved) broken.push('R005')
  } else {
    const whole = text(rows[0], '全案_审查起诉阶段检察机关适用认罪认罚')
    const pleaded = rows.some((row) => text(row, '审查起诉阶段检察机关适用认罪认罚') === '是')
    if (whole !== '' && (whole === '是') !== pleaded) broken.push('R066')
  }
  return broken
}

/**
 * Cross-export rules for one suspect's 审查逮捕 and later 审查起诉 rows: same person (name, 身份证号),
 * 审查起诉 received after 审查逮捕 concluded (§4.3 item 3), and an approved arrest recorded as 逮捕
 * before prosecution (R054).
 */
export function checkLinks(arrest: Row, prosecution: Row): string[] {
  const broken: string[] = []
  if (
    text(arrest, '嫌疑人姓名') !== text(prosecution, '嫌疑人姓名') ||
    text(arrest, '身份证号') !== text(prosecution, '身份证号')
  )
    broken.push('IDENTITY')
  if (day(prosecution, '受理日期') < day(arrest, '审结日期')) broken.push('F03')
  if (
    text(arrest, '审结处理结果') === '批准逮捕' &&
    text(prosecution, '审结处理情况') === '起诉' &&
    text(prosecution, '审结前强制措施') !== '逮捕'
  ) {
    broken.push('R054')
  }
  return broken
}
