/**
 * Checks an indicator definition the way the builder and `indicator/save` need it: the schema (with
 * Chinese messages naming the place), each 口径's formula, and each measure against the fields of the
 * dataset it reads (or the kind's dictionary before any import), references to other indicators and
 * reference cycles. Every problem has a path into the definition so the builder can put it next to
 * the control.
 */
import type { ZodError } from 'zod'
import type { ValidationProblem } from '../../../shared/ipc/indicator-contract.ts'
import { compileFormula } from '../../../shared/indicators/formula.ts'
import {
  indicatorSchema,
  isIndicatorMeasure,
  type IndicatorDefinition,
} from '../../../shared/indicators/model.ts'
import type { Db } from '../store/database.ts'
import { checkMeasure, fieldsFor } from './measures.ts'

const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  name: '名称',
  description: '说明',
  theme: '主题',
  tags: '标签',
  direction: '方向',
  unit: '单位',
  precision: '小数位数',
  calibers: '口径',
  measures: '度量',
  formula: '公式',
  dataset: '数据集',
  of: '度量方式',
  date: '日期字段',
  filter: '筛选条件',
  value: '取值',
  from: '开始',
  to: '结束',
  stat: '统计方式',
  indicator: '引用指标',
  part: '引用部分',
}

function placeOf(path: PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `第 ${p + 1} 项` : (FIELD_LABELS[String(p)] ?? `“${String(p)}”`)))
    .join(' · ')
}

/** zod issues in the analyst's words; messages written in the schema are already Chinese. */
export function schemaProblems(error: ZodError): ValidationProblem[] {
  // zod's own messages are English, though they may quote Chinese options ('expected one of "件"|…').
  const written = (text: string | undefined) =>
    !!text && /[\u4e00-\u9fff]/.test(text) && !/^[A-Za-z]/.test(text)
  return error.issues.map((issue) => {
    const place = placeOf(issue.path)
    // A bad measure name is an invalid record key; the schema's message is on the nested issue.
    const nested = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined
    let message = written(nested) ? nested! : issue.message
    if (!written(message)) {
      if (issue.code === 'invalid_type') message = '缺少或类型不正确'
      else if (issue.code === 'too_small') message = '不能为空或太小'
      else if (issue.code === 'too_big') message = '太长或太大'
      else if (issue.code === 'invalid_value') message = '取值不在允许范围内'
      else message = '格式不正确'
    }
    return { path: issue.path.join('.'), message: place ? `${place}：${message}` : message }
  })
}

export function validateDefinition(
  db: Db,
  raw: unknown,
  others: readonly IndicatorDefinition[],
  today: string,
): { definition: IndicatorDefinition | null; problems: ValidationProblem[] } {
  const parsed = indicatorSchema.safeParse(raw)
  if (!parsed.success) return { definition: null, problems: schemaProblems(parsed.error) }
  const definition = parsed.data
  const problems: ValidationProblem[] = []
  const byId = new Map(others.filter((d) => d.id !== definition.id).map((d) => [d.id, d]))
  const caliberIds = new Set<string>()
  definition.calibers.forEach((caliber, i) => {
    const at = `calibers.${i}`
    if (caliberIds.has(caliber.id))
      problems.push({ path: `${at}.id`, message: `口径编号“${caliber.id}”重复` })
    caliberIds.add(caliber.id)
    if (caliber.from && caliber.to && caliber.from > caliber.to)
      problems.push({ path: `${at}.from`, message: `口径“${caliber.name}”的开始日期晚于结束日期` })
    const names = Object.keys(caliber.measures)
    if (names.length === 0)
      problems.push({ path: `${at}.measures`, message: `口径“${caliber.name}”至少需要一个度量` })
    const formula = compileFormula(caliber.formula, names)
    if (!formula.ok) {
      const e = formula.errors[0]
      problems.push({
        path: `${at}.formula`,
        message: `公式：${e.message}`,
        offset: e.offset,
        length: e.length,
      })
    }
    for (const [name, measure] of Object.entries(caliber.measures)) {
      const place = `${at}.measures.${name}`
      if (isIndicatorMeasure(measure)) {
        if (measure.indicator === definition.id)
          problems.push({ path: `${place}.indicator`, message: `度量“${name}”引用了指标自身` })
        else if (!byId.has(measure.indicator))
          problems.push({
            path: `${place}.indicator`,
            message: `度量“${name}”引用的指标“${measure.indicator}”不存在`,
          })
        else if (reaches(byId, measure.indicator, definition.id))
          problems.push({ path: `${place}.indicator`, message: `度量“${name}”造成指标之间循环引用` })
        continue
      }
      const fields = fieldsFor(db, measure.dataset)
      if (fields === null) {
        problems.push({
          path: `${place}.dataset`,
          message: `度量“${name}”的数据集 ${String(measure.dataset)} 不存在`,
        })
        continue
      }
      for (const p of checkMeasure(measure, fields, today).problems) {
        const e = p.errors[0]
        problems.push({
          path: `${place}.${p.where}`,
          message: `度量“${name}”：${e.message}`,
          offset: e.offset,
          length: e.length,
        })
      }
    }
  })
  return { definition, problems }
}

/** Does indicator `from` read `target`, directly or through other indicators? */
function reaches(
  byId: Map<string, IndicatorDefinition>,
  from: string,
  target: string,
  seen = new Set<string>(),
): boolean {
  if (from === target) return true
  if (seen.has(from)) return false
  seen.add(from)
  const definition = byId.get(from)
  if (!definition) return false
  return definition.calibers.some((c) =>
    Object.values(c.measures).some((m) => isIndicatorMeasure(m) && reaches(byId, m.indicator, target, seen)),
  )
}
