/**
 * Drill-down: the measures behind a figure's numerator or denominator, each with the records it
 * selects for the unit and window, and the WHERE clause the records grid applies for one of them.
 */
import type { DrillMeasure, MeasureScope, ScopeMatch } from '../../../shared/ipc/indicator-contract.ts'
import { isIndicatorMeasure } from '../../../shared/indicators/model.ts'
import { EngineError } from '../errors.ts'
import type { Db } from '../store/database.ts'
import { loadFields } from '../datasets/dataset-store.ts'
import { fragment, ident, join, sql, type Sql } from '../store/sql.ts'
import { periodOrThrow, selectIndicators } from './compute.ts'
import { countScope, scopeWhere } from './direct.ts'
import { Evaluator } from './evaluator.ts'
import { listIndicators } from './library.ts'

interface DrillArgs {
  indicator: string
  caliber?: string
  part: 'numerator' | 'denominator'
  unit: string
  period: string
  own: boolean
  excludeFlagged: boolean
}

function setup(
  db: Db,
  args: { indicator: string; caliber?: string; period: string; unit: string; excludeFlagged: boolean },
  today: string,
) {
  const all = listIndicators(db)
  const [definition] = selectIndicators(all, [args.indicator])
  const period = periodOrThrow(args.period)
  const evaluator = new Evaluator(db, all, {
    variant: args.excludeFlagged ? 'clean' : 'all',
    today,
    caliber: args.caliber,
  })
  evaluator.prepare([definition], [period])
  if (!evaluator.hierarchy.get(args.unit))
    throw new EngineError('NOT_FOUND', `单位“${args.unit}”不在单位列表中。`)
  const caliber = evaluator.caliberFor(definition, period)
  return { definition, period, evaluator, caliber, compiled: evaluator.compile(caliber) }
}

export function drillIndicator(
  db: Db,
  args: DrillArgs,
  today: string,
): { part: DrillArgs['part']; measures: DrillMeasure[] } {
  const { definition, period, evaluator, caliber, compiled } = setup(db, args, today)
  if (!compiled.formula) throw new EngineError('BAD_ARGUMENT', compiled.error ?? '公式有误')
  const formula = compiled.formula
  const names =
    args.part === 'numerator'
      ? formula.denominator === null
        ? [...new Set(Object.keys(caliber.measures).filter((n) => formula.numeratorMeasures.includes(n)))]
        : formula.numeratorMeasures
      : formula.denominator === null
        ? formula.numeratorMeasures.filter((n) => compiled.slots.get(n)?.type === 'record')
        : formula.denominatorMeasures
  const units = evaluator.hierarchy.dataUnits(args.unit, args.own)
  const variant = args.excludeFlagged ? 'clean' : 'all'
  const measures = names.map((name): DrillMeasure => {
    const slot = compiled.slots.get(name)!
    const declared = caliber.measures[name]
    const scope: MeasureScope = {
      indicator: definition.id,
      caliber: caliber.id,
      measure: name,
      unit: args.unit,
      period: period.text,
      own: args.own,
      excludeFlagged: args.excludeFlagged,
    }
    const base = { measure: name, description: declared.description ?? '', scope }
    if (slot.type === 'record') {
      const m = slot.measure
      return {
        ...base,
        datasetId: m.datasetId,
        datasetName: m.datasetName,
        records: countScope(db, m, period, units, variant),
      }
    }
    const reason =
      slot.type === 'unavailable'
        ? slot.reason
        : `引用指标“${isIndicatorMeasure(declared) ? declared.indicator : name}”，请在该指标中查看明细`
    return { ...base, datasetId: null, datasetName: null, records: 0, unavailable: reason }
  })
  return { part: args.part, measures }
}

/** The records grid's condition for a drill-down scope; the dataset must be the measure's. */
export function scopeCondition(db: Db, datasetId: number, scope: MeasureScope, today: string): Sql {
  const { period, evaluator, compiled } = setup(db, scope, today)
  const slot = compiled.slots.get(scope.measure)
  if (!slot || slot.type !== 'record')
    throw new EngineError('BAD_ARGUMENT', `度量“${scope.measure}”没有可查看的记录。`)
  if (slot.measure.datasetId !== datasetId)
    throw new EngineError(
      'BAD_ARGUMENT',
      `度量“${scope.measure}”读取的是数据集 ${slot.measure.datasetId}，不是 ${datasetId}。`,
    )
  const units = evaluator.hierarchy.dataUnits(scope.unit, scope.own)
  const where = scopeWhere(slot.measure, period, units, scope.excludeFlagged ? 'clean' : 'all')
  return scope.match ? join([where, matchCondition(db, datasetId, scope.match)], ' AND ') : where
}

/** A scope's extra condition: the field (by name, checked against the dataset) has one of the values. */
export function matchCondition(db: Db, datasetId: number, match: ScopeMatch): Sql {
  const field = loadFields(db, datasetId).find((f) => f.name === match.field)
  if (!field) throw new EngineError('BAD_ARGUMENT', `数据集 ${datasetId} 没有字段“${match.field}”。`)
  const values = join(
    match.values.map((v) => sql`${v}`),
    ', ',
  )
  return sql`coalesce(${ident(field.column)}, '') IN (${fragment(values)})`
}
