/**
 * The rule editor's draft: a new rule's defaults, what may be edited (library rules: only parameter
 * values and 启用), the checks done before asking the engine (so it is not asked about a rule the
 * contract would reject anyway), and what a library rule's save must send.
 */
import type { DatasetKind } from '../../../../../shared/domain/fields.ts'
import type { RuleSummary } from '../../../../../shared/ipc/quality-contract.ts'
import type { Rule, RuleForm, RuleParameter } from '../../../../../shared/quality/rule.ts'

/** Mirrors the contract's rule id pattern. */
export const RULE_ID_PATTERN = /^[A-Z][A-Z0-9_-]{1,31}$/

export type FormType = RuleForm['type']

export const FORM_TYPES: readonly { type: FormType; label: string; hint: string }[] = [
  { type: 'row', label: '单条记录条件', hint: '条件对一条记录成立时提示该记录。' },
  { type: 'duplicate', label: '重复记录', hint: '指定字段取值完全相同的记录全部提示（默认按记录键）。' },
  {
    type: 'case',
    label: '同案比对（全案与人卡）',
    hint: '按案件分组，可使用“案内人数”“案内_字段_取值数”“案内_字段_集合”。',
  },
  {
    type: 'crossStage',
    label: '捕诉衔接（逮捕 × 公诉）',
    hint: '按嫌疑人编号关联两个阶段，字段写作“逮捕.字段”“公诉.字段”，提示公诉阶段的记录。',
  },
]

export const KIND_OPTIONS: readonly DatasetKind[] = ['010101', '020101', 'generic']

export const hasCondition = (form: RuleForm): form is Extract<RuleForm, { condition: string }> =>
  form.type === 'row' || form.type === 'case' || form.type === 'crossStage'

export const conditionOf = (form: RuleForm): string => (hasCondition(form) ? form.condition : '')

/** Analysts' own rules are U001, U002 …: the next free number. */
export function nextUserId(ids: readonly string[]): string {
  let max = 0
  for (const id of ids) {
    const match = /^U(\d+)$/.exec(id)
    if (match) max = Math.max(max, Number(match[1]))
  }
  return `U${String(max + 1).padStart(3, '0')}`
}

export function newRule(existingIds: readonly string[]): Rule {
  return {
    id: nextUserId(existingIds),
    name: '',
    description: '',
    kinds: ['010101'],
    severity: 'warning',
    form: { type: 'row', condition: '' },
    message: '',
    fields: [],
    parameters: [],
    enabled: true,
    source: 'user',
  }
}

/** The plain rule of a list entry (the engine adds `problem` and `hits`, which are not part of a rule). */
export function ruleOf(summary: RuleSummary | Rule): Rule {
  const rule: Rule & Partial<Pick<RuleSummary, 'problem' | 'hits'>> = { ...summary }
  delete rule.problem
  delete rule.hits
  return rule
}

/** Switching the form keeps the condition typed so far (row ↔ case ↔ crossStage). */
export function withFormType(form: RuleForm, type: FormType): RuleForm {
  if (form.type === type) return form
  const condition = conditionOf(form)
  switch (type) {
    case 'duplicate':
      return { type }
    case 'case':
      return { type, condition }
    case 'row':
    case 'crossStage':
      return { type, condition }
  }
}

export const withCondition = (form: RuleForm, condition: string): RuleForm =>
  hasCondition(form) ? { ...form, condition } : form

/** `a、b, c` → ['a', 'b', 'c']: the separators analysts type for lists of field names. */
export function splitNames(text: string): string[] {
  return text
    .split(/[,，、;；\n]+/)
    .map((part) => part.trim())
    .filter(Boolean)
}

/** A parameter value as typed → what the rule stores: numbers for number parameters when they parse. */
export function parseParameterValue(text: string, type: RuleParameter['type']): number | string {
  if (type !== 'number') return text
  const trimmed = text.trim()
  const value = Number(trimmed)
  return trimmed !== '' && Number.isFinite(value) ? value : text
}

const PARAMETER_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u

/**
 * Problems the editor can see by itself, in Chinese. The engine is only asked to validate (and
 * preview) a rule without any, since the contract would reject it with a less precise message.
 */
export function localProblems(
  rule: Rule,
  options: { isNew: boolean; existingIds: readonly string[] },
): string[] {
  const problems: string[] = []
  if (!RULE_ID_PATTERN.test(rule.id)) {
    problems.push('规则编号须以大写英文字母开头，由大写字母、数字、“-”“_”组成，共 2–32 位，例如 U001。')
  } else if (options.isNew && options.existingIds.includes(rule.id)) {
    problems.push(`规则编号 ${rule.id} 已被使用，请换一个。`)
  }
  if (rule.name.trim() === '') problems.push('请填写规则名称。')
  if (rule.kinds.length === 0) problems.push('请至少选择一种适用数据。')
  if (hasCondition(rule.form) && rule.form.condition.trim() === '') problems.push('请填写核查条件。')
  const names = new Set<string>()
  for (const [index, parameter] of rule.parameters.entries()) {
    const label = parameter.name || `第 ${index + 1} 个参数`
    if (!PARAMETER_NAME.test(parameter.name)) {
      problems.push(`参数“${label}”的名称须以文字或字母开头，只含文字、字母、数字和“_”。`)
    } else if (names.has(parameter.name)) {
      problems.push(`参数名称“${parameter.name}”重复。`)
    }
    names.add(parameter.name)
    if (parameter.type === 'number' && typeof parameter.value !== 'number') {
      problems.push(`参数“${label}”的取值应为数字。`)
    }
    if (parameter.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(String(parameter.value))) {
      problems.push(`参数“${label}”的取值应为日期，格式如 2024-01-31。`)
    }
  }
  return problems
}

/** Library rules ship with the app: their definition is fixed, only tolerances and 启用 change. */
export const isLibrary = (rule: Pick<Rule, 'source'>): boolean => rule.source === 'library'

/** Parameter values that differ from the saved rule: what a library rule's save sends (rules/setParameter). */
export function changedParameters(saved: Rule, draft: Rule): { name: string; value: number | string }[] {
  const before = new Map(saved.parameters.map((parameter) => [parameter.name, parameter.value]))
  return draft.parameters
    .filter((parameter) => before.has(parameter.name) && before.get(parameter.name) !== parameter.value)
    .map(({ name, value }) => ({ name, value }))
}

/** Whether the draft differs from what is saved (the 保存 button and the leave-page guard). */
export const isDirty = (saved: Rule | null, draft: Rule): boolean =>
  saved === null || JSON.stringify(ruleOf(saved)) !== JSON.stringify(ruleOf(draft))
