/**
 * Changing rules: analysts' own rules are saved whole (after the same checks a run would make);
 * library rules only take per-workspace overrides of 启用 and parameter values, their conditions
 * being part of the catalogue. Every change is in the audit log.
 */
import type { RuleSummary } from '../../../shared/ipc/quality-contract.ts'
import type { Rule } from '../../../shared/quality/rule.ts'
import { audit } from '../audit/audit-log.ts'
import { EngineError } from '../errors.ts'
import type { Db } from '../store/database.ts'
import { libraryRule } from './library.ts'
import { checkRule } from './rule-check.ts'
import { getRule, removeUserRule, storeEnabled, storeParameter, storeUserRule } from './rule-store.ts'
import { summarise } from './rule-summaries.ts'
import { loadTargets } from './targets.ts'

/** A library rule's definition without what a workspace may override. */
function fixedPart(rule: Rule): string {
  const { enabled: _enabled, source: _source, parameters, ...rest } = rule
  return JSON.stringify({
    ...rest,
    optionalFields: rest.optionalFields ?? [],
    parameters: parameters.map(({ value: _value, ...p }) => p),
  })
}

export function saveRule(db: Db, rule: Rule): RuleSummary {
  return db.transaction(() => {
    const library = libraryRule(rule.id)
    if (library) {
      if (fixedPart(library) !== fixedPart({ ...rule, source: 'library' })) {
        throw new EngineError(
          'CONFLICT',
          `规则库中的规则 ${rule.id} 只能启用、停用或调整参数，不能修改条件等内容；如需改动，请另存为自定义规则。`,
        )
      }
      const current = getRule(db, rule.id)
      if (current.enabled !== rule.enabled) storeEnabled(db, current, rule.enabled)
      for (const p of rule.parameters) setParameterValue(db, current, p.name, p.value)
      audit(db, 'rule-save', rule.id, { library: true })
      return summarise(db, getRule(db, rule.id))
    }
    const own: Rule = { ...rule, source: 'user' }
    const checked = checkRule(own, loadTargets(db))
    if (!checked.ok)
      throw new EngineError('BAD_ARGUMENT', `规则 ${rule.id} 有误：${checked.errors[0].message}`)
    storeUserRule(db, own)
    audit(db, 'rule-save', rule.id, { name: rule.name })
    return summarise(db, getRule(db, rule.id))
  })()
}

export function deleteRule(db: Db, id: string): { id: string } {
  return db.transaction(() => {
    if (libraryRule(id)) throw new EngineError('CONFLICT', `规则库中的规则 ${id} 不能删除，可以停用。`)
    getRule(db, id)
    removeUserRule(db, id)
    audit(db, 'rule-delete', id)
    return { id }
  })()
}

export function setRuleEnabled(db: Db, id: string, enabled: boolean): RuleSummary {
  return db.transaction(() => {
    storeEnabled(db, getRule(db, id), enabled)
    audit(db, enabled ? 'rule-enable' : 'rule-disable', id)
    return summarise(db, getRule(db, id))
  })()
}

function setParameterValue(db: Db, rule: Rule, name: string, value: number | string): void {
  const parameter = rule.parameters.find((p) => p.name === name)
  if (!parameter) throw new EngineError('BAD_ARGUMENT', `规则 ${rule.id} 没有参数“${name}”。`)
  if (parameter.type === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) {
    throw new EngineError('BAD_ARGUMENT', `参数“${parameter.label || name}”的取值应为数字。`)
  }
  if (parameter.type === 'date' && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))) {
    throw new EngineError(
      'BAD_ARGUMENT',
      `参数“${parameter.label || name}”的取值应为日期，格式如 2024-01-31。`,
    )
  }
  if (parameter.type === 'text' && typeof value !== 'string') {
    throw new EngineError('BAD_ARGUMENT', `参数“${parameter.label || name}”的取值应为文本。`)
  }
  if (parameter.value !== value) storeParameter(db, rule, name, value)
}

export function setRuleParameter(db: Db, id: string, name: string, value: number | string): RuleSummary {
  return db.transaction(() => {
    setParameterValue(db, getRule(db, id), name, value)
    audit(db, 'rule-parameter', id, { name, value })
    return summarise(db, getRule(db, id))
  })()
}
