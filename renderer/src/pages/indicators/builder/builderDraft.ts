/**
 * The builder's draft: a whole indicator definition (the model's output shape), what a new one starts
 * as, a library indicator copied as the analyst's own, and the edits the form makes to 口径 and
 * measures (a renamed measure is renamed in the formula too). Pure, so it is unit-tested.
 */
import type { DatasetField } from '../../../../../shared/ipc/contract.ts'
import type { IndicatorSummary, ValidationProblem } from '../../../../../shared/ipc/indicator-contract.ts'
import type {
  Caliber,
  IndicatorDefinition,
  IndicatorMeasure,
  Measure,
  RecordMeasure,
} from '../../../../../shared/indicators/model.ts'
import { isIndicatorMeasure } from '../../../../../shared/indicators/model.ts'
import { renameInFormula } from './formulaComposer.ts'
import { schemaProblems } from './problems.ts'

export type Definition = IndicatorDefinition

/** Analysts' own indicators are U001, U002 …: the next free number. */
export function nextIndicatorId(ids: readonly string[]): string {
  let max = 0
  for (const id of ids) {
    const match = /^U(\d+)$/.exec(id)
    if (match) max = Math.max(max, Number(match[1]))
  }
  return `U${String(max + 1).padStart(3, '0')}`
}

export function newCaliber(id = 'current', name = '现行口径'): Caliber {
  return { id, name, measures: {}, formula: '' }
}

export function newDefinition(existingIds: readonly string[]): Definition {
  return {
    id: nextIndicatorId(existingIds),
    name: '',
    description: '',
    theme: '自定义指标',
    tags: [],
    direction: 'up',
    unit: '%',
    precision: 2,
    calibers: [newCaliber()],
    source: 'user',
  }
}

/** The plain definition of a list entry (the list adds the workspace's direction override). */
export function definitionOf(summary: IndicatorSummary | Definition): Definition {
  const definition: Definition &
    Partial<Pick<IndicatorSummary, 'effectiveDirection' | 'directionOverridden'>> = { ...summary }
  delete definition.effectiveDirection
  delete definition.directionOverridden
  return definition
}

/** 另存为我的指标: the same definition under a new id and name, as the analyst's own. */
export function copyAsMine(definition: Definition, existingIds: readonly string[]): Definition {
  const name = `${definition.name}（副本）`.slice(0, 60)
  return { ...structuredClone(definition), id: nextIndicatorId(existingIds), name, source: 'user' }
}

export const isLibrary = (definition: Pick<Definition, 'source'>): boolean => definition.source === 'library'

/** Whether the draft differs from what is saved (the 保存 button and the leave-page guard). */
export const isDirty = (saved: Definition | null, draft: Definition): boolean =>
  saved === null || JSON.stringify(saved) !== JSON.stringify(draft)

// ---- 口径

export function updateCaliber(definition: Definition, index: number, patch: Partial<Caliber>): Definition {
  return {
    ...definition,
    calibers: definition.calibers.map((caliber, i) => (i === index ? { ...caliber, ...patch } : caliber)),
  }
}

/** A new 口径 starts as a copy of the last one (a new 口径 usually changes one measure), with its own id. */
export function addCaliber(definition: Definition): Definition {
  const ids = new Set(definition.calibers.map((caliber) => caliber.id))
  let n = definition.calibers.length + 1
  while (ids.has(`c${n}`)) n++
  const last = definition.calibers.at(-1)
  const caliber: Caliber = last
    ? { ...structuredClone(last), id: `c${n}`, name: `口径${n}`, from: undefined, to: undefined }
    : newCaliber(`c${n}`, `口径${n}`)
  return { ...definition, calibers: [...definition.calibers, withoutUndefined(caliber)] }
}

export function removeCaliber(definition: Definition, index: number): Definition {
  return { ...definition, calibers: definition.calibers.filter((_, i) => i !== index) }
}

// ---- measures

/** The default dataset and date field of a new measure: 审查逮捕 by 审结日期. */
export function newRecordMeasure(
  dataset: RecordMeasure['dataset'] = '010101',
  date = '审结日期',
): RecordMeasure {
  return { dataset, of: 'persons', date }
}

export function newIndicatorMeasure(indicator: string): IndicatorMeasure {
  return { indicator, part: 'value' }
}

/** 度量1, 度量2 …: the first free name. */
export function freeMeasureName(caliber: Caliber, base = '度量'): string {
  let n = Object.keys(caliber.measures).length + 1
  while (`${base}${n}` in caliber.measures) n++
  return `${base}${n}`
}

export function addMeasure(caliber: Caliber, measure: Measure, name = freeMeasureName(caliber)): Caliber {
  return { ...caliber, measures: { ...caliber.measures, [name]: measure } }
}

export function setMeasure(caliber: Caliber, name: string, measure: Measure): Caliber {
  return { ...caliber, measures: { ...caliber.measures, [name]: withoutUndefined(measure) } }
}

export function removeMeasure(caliber: Caliber, name: string): Caliber {
  const measures = { ...caliber.measures }
  delete measures[name]
  return { ...caliber, measures }
}

/**
 * Renames a measure in place (the order of measures is kept) and in the formula. A name already taken
 * by another measure is refused: the caliber comes back unchanged.
 */
export function renameMeasure(caliber: Caliber, from: string, to: string): Caliber {
  if (from === to || !(from in caliber.measures) || to in caliber.measures) return caliber
  const measures: Caliber['measures'] = {}
  for (const [name, measure] of Object.entries(caliber.measures))
    measures[name === from ? to : name] = measure
  return { ...caliber, measures, formula: renameInFormula(caliber.formula, from, to) }
}

/**
 * Switches a record measure's kind, keeping what still applies: `value` for sum/avg/median,
 * `from`/`to`/`stat` for days.
 */
export function withMeasureKind(measure: RecordMeasure, of: RecordMeasure['of']): RecordMeasure {
  const next: RecordMeasure = { ...measure, of }
  if (of !== 'sum' && of !== 'avg' && of !== 'median') delete next.value
  if (of !== 'days') {
    delete next.from
    delete next.to
    delete next.stat
  } else {
    next.stat ??= 'avg'
  }
  return next
}

export { isIndicatorMeasure }

/** A record measure's dataset as the value of a select: '010101', '020101' or a generic dataset's id. */
export const datasetValue = (dataset: RecordMeasure['dataset']): string => String(dataset)
export const datasetOfValue = (value: string): RecordMeasure['dataset'] =>
  value === '010101' || value === '020101' ? value : Number(value)

/** Date fields (the ones that can put a record into a month), in export order. */
export const dateFields = (fields: readonly DatasetField[]): DatasetField[] =>
  fields.filter((field) => field.type === 'date')

/** Number fields (what 求和 / 平均 / 中位数 can take), in export order. */
export const numberFields = (fields: readonly DatasetField[]): DatasetField[] =>
  fields.filter((field) => field.type === 'integer' || field.type === 'decimal')

// ---- checks

/**
 * Problems the builder sees by itself (the model's checks, an id already taken). The engine is only
 * asked to validate and preview a definition without any.
 */
export function localProblems(
  definition: Definition,
  options: { isNew: boolean; existingIds: readonly string[] },
): ValidationProblem[] {
  const problems = schemaProblems(definition)
  if (options.isNew && options.existingIds.includes(definition.id.trim())) {
    problems.push({ path: 'id', message: `指标编号 ${definition.id} 已被使用，请换一个` })
  }
  definition.calibers.forEach((caliber, index) => {
    if (caliber.from && caliber.to && caliber.from > caliber.to) {
      problems.push({ path: `calibers.${index}.to`, message: '结束日期早于开始日期' })
    }
    if (Object.keys(caliber.measures).length === 0) {
      problems.push({ path: `calibers.${index}.measures`, message: '至少需要一个度量' })
    }
  })
  const ids = definition.calibers.map((caliber) => caliber.id.trim())
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index)
      problems.push({ path: `calibers.${index}.id`, message: `口径编号 ${id} 重复` })
  })
  return problems
}

/** Drops keys whose value is undefined, so the draft's JSON and YAML stay as the analyst wrote them. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
