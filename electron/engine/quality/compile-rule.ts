/**
 * A rule, compiled for one dataset: its condition and message placeholders type-checked against what
 * the dataset offers (rule-schema.ts), optional fields the export lacks turned into 空值, and what the
 * SQL builders need (group field and aggregates of case rules, the other stage of cross-stage rules).
 * The outcome says why a rule cannot run: it does not compile (`problem`: a broken rule) or the export
 * lacks a field it needs (`skipped`: a normal event, reported with the run).
 */
import type { Ir } from '../../../shared/expr/index.ts'
import {
  compileExpression,
  referencedFields,
  usesToday,
  type ExprError,
  type ExprParameter,
} from '../../../shared/expr/index.ts'
import type { Rule } from '../../../shared/quality/rule.ts'
import { withoutFields } from './missing-fields.ts'
import { parseTemplate, type Template } from './message-template.ts'
import { caseFields, crossFields, recordFields, type AggregateSpec, type SchemaField } from './rule-schema.ts'
import { targetLabel, type Target } from './targets.ts'

export interface CompiledCheck {
  rule: Rule
  /** The dataset whose records are flagged. */
  target: Target
  /** Cross-stage rules: the other stage's dataset. */
  other: Target | null
  /** null for duplicate rules. */
  condition: Ir | null
  template: Template
  placeholders: Ir[]
  /** Case rules: the group field's column and the aggregates the rule reads. */
  groupColumn: string | null
  aggregates: AggregateSpec[]
  /** Cross-stage rules: renamed column (c50001…) → the other dataset's column. */
  otherColumns: Map<string, string>
  /** Duplicate rules: the columns compared; null = the record key. */
  duplicateColumns: string[] | null
  usesToday: boolean
}

export type CompileOutcome =
  | { status: 'ok'; check: CompiledCheck }
  | { status: 'skipped'; reason: string }
  | { status: 'problem'; reason: string; errors: { message: string; offset?: number; length?: number }[] }

/** The rule's parameters as the checker types them. */
export function exprParameters(rule: Rule): ExprParameter[] {
  return rule.parameters.map((p) => ({ name: p.name, type: p.type }))
}

function problem(reason: string, errors: ExprError[] = []): CompileOutcome {
  return {
    status: 'problem',
    reason,
    errors:
      errors.length > 0
        ? errors.map((e) => ({ message: e.message, offset: e.offset, length: e.length }))
        : [{ message: reason }],
  }
}

/** Parameter values must have their declared type before anything binds them. */
function parameterProblem(rule: Rule): string | null {
  for (const p of rule.parameters) {
    if (p.type === 'number' && (typeof p.value !== 'number' || !Number.isFinite(p.value)))
      return `参数“@${p.name}”的取值应为数字`
    if (p.type === 'date' && (typeof p.value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(p.value))) {
      return `参数“@${p.name}”的取值应为日期，格式如 2024-01-31`
    }
    if (p.type === 'text' && typeof p.value !== 'string') return `参数“@${p.name}”的取值应为文本`
  }
  const names = rule.parameters.map((p) => p.name)
  const repeated = names.find((name, index) => names.indexOf(name) !== index)
  return repeated === undefined ? null : `参数名称“${repeated}”重复`
}

export function compileRule(rule: Rule, target: Target, other: Target | null): CompileOutcome {
  const parameterError = parameterProblem(rule)
  if (parameterError) return problem(parameterError)
  const form = rule.form
  let schema: SchemaField[]
  let aggregates = new Map<string, AggregateSpec>()
  let otherColumns = new Map<string, string>()
  if (form.type === 'case') ({ fields: schema, aggregates } = caseFields(target))
  else if (form.type === 'crossStage') {
    if (other === null)
      return {
        status: 'skipped',
        reason: `缺少${target.kind === '020101' ? '审查逮捕（010101）' : '一审公诉（020101）'}数据，无法按嫌疑人编号关联`,
      }
    ;({ fields: schema, otherColumns } = crossFields(target, other))
  } else schema = recordFields(target)

  const options = { parameters: exprParameters(rule) }
  let condition: Ir | null = null
  if (form.type !== 'duplicate') {
    const compiled = compileExpression(form.condition, schema, { ...options, expect: 'boolean' })
    if (!compiled.ok) {
      const errors = compiled.errors.map((e) => ({ ...e, message: `核查条件有误：${e.message}` }))
      return problem(errors[0].message, errors)
    }
    condition = compiled.ir
  }
  const template = parseTemplate(rule.message)
  const placeholders: Ir[] = []
  for (const [index, placeholder] of template.placeholders.entries()) {
    const compiled = compileExpression(placeholder.text, schema, options)
    if (!compiled.ok)
      return problem(
        `冲突说明第 ${index + 1} 个占位符「{${placeholder.text}}」有误：${compiled.errors[0].message}`,
      )
    placeholders.push(compiled.ir)
  }

  const plain = recordFields(target)
  const byName = new Map(plain.map((f) => [f.name, f]))
  const unknownField = rule.fields.find((name) => !byName.has(name))
  if (unknownField !== undefined) return problem(`冲突字段“${unknownField}”不是${targetLabel(target)}的字段`)

  let groupColumn: string | null = null
  let duplicateColumns: string[] | null = null
  const needed = new Set<string>()
  if (form.type === 'case') {
    const group = byName.get(form.groupBy ?? '部门受案号')
    if (!group) return problem(`分组字段“${form.groupBy ?? '部门受案号'}”不存在`)
    groupColumn = group.column
    needed.add(group.name)
  }
  if (form.type === 'duplicate') {
    if (form.fields && form.fields.length > 0) {
      duplicateColumns = []
      for (const name of form.fields) {
        const field = byName.get(name)
        if (!field) return problem(`判断重复的字段“${name}”不存在`)
        needed.add(name)
        duplicateColumns.push(field.column)
      }
    } else if (target.kind === 'generic') {
      return problem('通用数据没有记录键，请指定判断重复的字段')
    }
  }

  const irs = condition ? [condition, ...placeholders] : placeholders
  for (const ir of irs) for (const name of referencedFields(ir)) needed.add(name)
  const schemaByName = new Map(schema.map((f) => [f.name, f]))
  const optional = new Set(rule.optionalFields ?? [])
  const absent = [...needed].filter((name) => schemaByName.get(name)?.missing)
  const lacking = absent.filter((name) => !optional.has(stripStage(name)))
  if (lacking.length > 0)
    return {
      status: 'skipped',
      reason: `${targetLabel(target)}缺少字段：${lacking.map(stripStage).join('、')}`,
    }
  const nulls = new Set(absent)
  return {
    status: 'ok',
    check: {
      rule,
      target,
      other: form.type === 'crossStage' ? other : null,
      condition: condition ? withoutFields(condition, nulls) : null,
      template,
      placeholders: placeholders.map((ir) => withoutFields(ir, nulls)),
      groupColumn,
      aggregates: [...aggregates.values()].filter((a) => irs.some((ir) => usesColumn(ir, a.column))),
      otherColumns,
      duplicateColumns,
      usesToday: irs.some(usesToday),
    },
  }
}

/** `逮捕.审结日期` → `审结日期`; other names unchanged. */
function stripStage(name: string): string {
  return name.replace(/^(逮捕|公诉)\./, '')
}

function usesColumn(ir: Ir, column: string): boolean {
  return JSON.stringify(ir).includes(`"column":"${column}"`)
}
