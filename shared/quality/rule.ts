/**
 * The data-quality rule model (数据质量核查规则). Rules are plain data: the library ships as JSON in
 * resources/rules/, analysts' own rules live in the workspace. Conditions are written in the
 * expression language (shared/expr) with Chinese field names; parameters (`@天数上限`) are bound
 * values, never spliced into text.
 */
import type { DatasetKind } from '../domain/fields.ts'

/** 错误: a contradiction to fix; 提示核对: a prompt to verify (may well be right). */
export type Severity = 'error' | 'warning'
export const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '提示核对' }

/** A named tolerance an analyst may edit in the UI (7 天, 31 天, 499 万元, 25% …). */
export interface RuleParameter {
  /** Referenced in conditions as `@name`, e.g. `天数差(受理日期, 审结日期) > @天数上限`. */
  name: string
  label: string
  type: 'number' | 'text' | 'date'
  value: number | string
  unit?: string
}

export type RuleForm =
  /** A condition over one record: the record is flagged when it holds. */
  | { type: 'row'; condition: string }
  /** Records sharing the same values of `fields` (default: the dataset key) are flagged, all but none. */
  | { type: 'duplicate'; fields?: string[] }
  /**
   * 全案 vs 人卡 within a case (records grouped by `groupBy`, default 部门受案号): `condition` is evaluated
   * per record with case-level aggregates available as fields named `案内人数`, `案内_<字段>_取值数`
   * (distinct values of a field in the case) and `案内_<字段>_集合` (set of its values).
   */
  | { type: 'case'; groupBy?: string; condition: string }
  /**
   * 010101 × 020101 joined on 嫌疑人编号: `condition` over the pair, fields prefixed `逮捕.` / `公诉.`
   * (e.g. `公诉.受理日期 < 逮捕.审结日期`). The record of the `flag` stage is flagged (default
   * 020101) when the condition holds for any pair; a person without a record of the other stage
   * pairs with an empty one (its fields are 空值), so `逮捕.嫌疑人编号 为空` asks "no 审查逮捕 record".
   */
  | { type: 'crossStage'; condition: string; flag?: '010101' | '020101' }

export interface Rule {
  /**
   * R001–R076 as in the catalogue (../shared/domain/rules.md §4.1), S1–S10 for §4.2, F01–F16 for
   * the items of §4.3 (the ids the demo manifest uses too), U… for analysts' own.
   */
  id: string
  name: string
  /** What is checked and, where the catalogue is ambiguous, the decision taken. */
  description: string
  kinds: DatasetKind[]
  severity: Severity
  form: RuleForm
  /** Message template: `{字段}` is replaced by the record's value, `{@参数}` by the parameter. */
  message: string
  /** The conflicting fields, highlighted in the review grid and in red in exported lists. */
  fields: string[]
  /**
   * Fields the condition may name that an export can lack (columns vary with the system version
   * and the unit's configuration): a missing one reads as 空值 (typed from the export's field
   * dictionary) instead of skipping the rule. Any other missing field skips the rule on that dataset.
   */
  optionalFields?: string[]
  parameters: RuleParameter[]
  enabled: boolean
  source: 'library' | 'user'
}

/** Review statuses of a flag (待核查 / 已确认 / 已整改 / 误报). */
export type FlagStatus = 'open' | 'confirmed' | 'rectified' | 'falsePositive'
export const FLAG_STATUS_NAMES: Record<FlagStatus, string> = {
  open: '待核查',
  confirmed: '已确认',
  rectified: '已整改',
  falsePositive: '误报',
}
