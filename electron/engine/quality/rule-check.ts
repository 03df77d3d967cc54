/**
 * Whether a rule can run, before it is saved or shown: compiled for every dataset it applies to or,
 * where the workspace has none of a kind yet, for that kind's field dictionary. A field the export
 * lacks is fine (the rule is skipped there); a field no dictionary or dataset knows, a syntax error
 * or a bad message placeholder is a problem, reported in Chinese with its position in the condition.
 */
import type { DatasetKind } from '../../../shared/domain/fields.ts'
import { DATASET_KIND_NAMES } from '../../../shared/domain/fields.ts'
import type { DatasetField } from '../../../shared/ipc/contract.ts'
import { parse } from '../../../shared/expr/index.ts'
import type { Rule } from '../../../shared/quality/rule.ts'
import { fieldColumn } from '../datasets/records-table.ts'
import { loadKindDictionaries } from '../import/kinds.ts'
import type { CompileOutcome } from './compile-rule.ts'
import { compileCached, ruleTargets } from './plan.ts'
import type { Target } from './targets.ts'

export interface RuleProblems {
  ok: boolean
  errors: { message: string; offset?: number; length?: number }[]
}

/** A stand-in dataset of a known kind with exactly its dictionary's fields. */
function dictionaryTarget(kind: Exclude<DatasetKind, 'generic'>, id: number): Target {
  const dictionary = loadKindDictionaries().find((d) => d.kind === kind)!
  const fields: DatasetField[] = [
    ...dictionary.fields,
    { name: '承办单位', type: 'code' as const, role: 'unitCode' as const },
  ].map((f, index) => ({
    name: f.name,
    type: f.type,
    role: f.role,
    column: fieldColumn(index + 1),
    position: index + 1,
    isKey: false,
  }))
  const column = (name: string) => fields.find((f) => f.name === name)?.column ?? null
  return {
    id,
    name: DATASET_KIND_NAMES[kind],
    kind,
    fields,
    columns: {
      caseNumber: column('部门受案号'),
      suspectId: column('嫌疑人编号'),
      suspectName: column('嫌疑人姓名'),
      unit: column('承办单位'),
      prosecutor: column('承办检察官'),
    },
  }
}

/** The datasets to check a rule against: the workspace's, and dictionaries for kinds it lacks. */
function candidates(rule: Rule, targets: readonly Target[]): { target: Target; other: Target | null }[] {
  const all = [...targets]
  for (const kind of ['010101', '020101'] as const) {
    if (!all.some((t) => t.kind === kind)) all.push(dictionaryTarget(kind, -all.length - 1))
  }
  return ruleTargets(rule, all)
}

export function checkRule(rule: Rule, targets: readonly Target[]): RuleProblems {
  const pairs = candidates(rule, targets)
  if (pairs.length === 0) {
    // A generic rule in a workspace without generic datasets: only the syntax can be checked.
    if (rule.form.type === 'duplicate') return { ok: true, errors: [] }
    const parsed = parse(rule.form.condition)
    return parsed.ok
      ? { ok: true, errors: [] }
      : {
          ok: false,
          errors: parsed.errors.map((e) => ({
            message: `核查条件有误：${e.message}`,
            offset: e.offset,
            length: e.length,
          })),
        }
  }
  const outcomes: CompileOutcome[] = pairs.map(({ target, other }) => compileCached(rule, target, other))
  if (outcomes.some((o) => o.status !== 'problem')) return { ok: true, errors: [] }
  const first = outcomes.find((o) => o.status === 'problem') as Extract<CompileOutcome, { status: 'problem' }>
  return { ok: false, errors: first.errors }
}

/** The first problem of a rule as one Chinese sentence, or null. */
export function ruleProblem(rule: Rule, targets: readonly Target[]): string | null {
  const checked = checkRule(rule, targets)
  return checked.ok ? null : checked.errors[0].message
}
