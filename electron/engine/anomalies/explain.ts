/**
 * anomaly/explain: where a change between two windows comes from — the contributions of subordinate
 * units (from the pre-aggregated figures), of 案由, 承办检察官 or case types (one GROUP BY scan per
 * dataset and date field over the two windows, with the measures' own filters; bound values only,
 * columns through ident()). Ratios split into mix and rate effects (shift-share), counts into plain
 * differences (shared/anomalies/decompose.ts). Each part carries drill-down scopes for records/page.
 *
 * Only indicators whose numerator and denominator add up over parts can be decomposed (counts, ratios
 * of counts, averages); medians and sums of rates cannot, and say so.
 */
import {
  countContributions,
  rankContributions,
  shiftShare,
  waterfall,
  type Contribution,
  type Decomposition,
  type PartFigures,
} from '../../../shared/anomalies/decompose.ts'
import { shortUnitName } from '../../../shared/anomalies/message.ts'
import { COMPARISON_NAMES, type Comparison } from '../../../shared/anomalies/model.ts'
import { chapterGroups } from '../../../shared/domain/charge-groups.ts'
import {
  DIMENSION_NAMES,
  type ContributionItem,
  type ContributionScope,
  type Dimension,
  type ExplainResult,
} from '../../../shared/ipc/anomaly-contract.ts'
import type { DatasetField } from '../../../shared/ipc/contract.ts'
import type { MeasureScope } from '../../../shared/ipc/indicator-contract.ts'
import { changeUnitOf } from '../../../shared/indicators/format.ts'
import { unitScale, type IndicatorDefinition } from '../../../shared/indicators/model.ts'
import {
  momWindow,
  periodOfWindow,
  windowDates,
  yoyWindow,
  type Window,
} from '../../../shared/indicators/period.ts'
import { loadFields } from '../datasets/dataset-store.ts'
import { recordsTable } from '../datasets/records-table.ts'
import { EngineError } from '../errors.ts'
import { dateGuardSql, filterSql, monthSql, unitSql, variantSql } from '../indicators/aggregates.ts'
import { periodOrThrow, selectIndicators } from '../indicators/compute.ts'
import { Evaluator } from '../indicators/evaluator.ts'
import { listIndicators } from '../indicators/library.ts'
import type { ResolvedMeasure } from '../indicators/measures.ts'
import { ensureSortIndex } from '../records/record-query.ts'
import type { Db } from '../store/database.ts'
import { fragment, ident, join, sql, type Sql } from '../store/sql.ts'
import { Forms, type Form } from './forms.ts'

interface Sums {
  n: number
  s: number
}
/** A measure's n and s per window (0 = comparison, 1 = current) and group value. */
type WindowSums = [Map<string, Sums>, Map<string, Sums>]

/** How records fall into parts: the field per dataset and how its values map to parts. */
interface Grouping {
  field(datasetId: number, dateColumn: string): DatasetField
  part(datasetId: number, raw: string): { key: string; label: string }
}

const BLANK_LABEL = '（空白）'

/** The charge field a measure is grouped by: the 案由 of the stage its date belongs to. */
const CHARGE_PREFERENCE: { when: RegExp; fields: string[] }[] = [
  { when: /受理/, fields: ['移送案由', '移诉案由', '涉嫌案由', '全案_移送案由'] },
  { when: /判决/, fields: ['一审判决罪名/案由', '审结案由', '全案_审结案由'] },
  { when: /./, fields: ['审结案由', '全案_审结案由', '移诉案由', '涉嫌案由', '移送案由'] },
]

function chapterMap(): (charge: string) => string {
  const byCharge = new Map<string, string>()
  for (const group of chapterGroups()) for (const member of group.members) byCharge.set(member, group.name)
  return (charge) => byCharge.get(charge) ?? '其他'
}

/**
 * 案由 and 承办检察官 group by the field itself; case types by 案件类别 when the export has it, else
 * by the 罪名类别 (the ten chapters of the Criminal Law) of the charge. One field per dataset, chosen
 * by its first measure (so numerator and denominator of a rate group alike).
 */
function grouping(db: Db, dimension: Exclude<Dimension, 'unit'>): Grouping {
  const fieldsOf = new Map<number, DatasetField[]>()
  const chosen = new Map<number, DatasetField>()
  const byChapter = new Set<number>()
  const chapter = chapterMap()
  const fields = (datasetId: number) => {
    let list = fieldsOf.get(datasetId)
    if (!list) fieldsOf.set(datasetId, (list = loadFields(db, datasetId)))
    return list
  }
  const named = (datasetId: number, name: string) => fields(datasetId).find((f) => f.name === name)
  const chargeField = (datasetId: number, dateColumn: string): DatasetField | undefined => {
    const dateName = fields(datasetId).find((f) => f.column === dateColumn)?.name ?? ''
    const preference = CHARGE_PREFERENCE.find((p) => p.when.test(dateName))!
    for (const name of preference.fields) {
      const field = named(datasetId, name)
      if (field) return field
    }
    return fields(datasetId).find((f) => f.role === 'charge' && f.type !== 'set')
  }
  return {
    field(datasetId, dateColumn) {
      const known = chosen.get(datasetId)
      if (known) return known
      let field: DatasetField | undefined
      if (dimension === 'prosecutor')
        field = fields(datasetId).find((f) => f.role === 'prosecutor') ?? named(datasetId, '承办检察官')
      else if (dimension === 'charge') field = chargeField(datasetId, dateColumn)
      else {
        field = named(datasetId, '案件类别')
        if (!field) {
          byChapter.add(datasetId)
          field = chargeField(datasetId, dateColumn)
        }
      }
      if (!field)
        throw new EngineError(
          'BAD_ARGUMENT',
          `数据集 ${datasetId} 没有可按“${DIMENSION_NAMES[dimension]}”分组的字段（${dimension === 'prosecutor' ? '承办检察官' : '案由'}）。`,
        )
      chosen.set(datasetId, field)
      return field
    },
    part(datasetId, raw) {
      if (byChapter.has(datasetId)) {
        const name = raw === '' ? BLANK_LABEL : chapter(raw)
        return { key: name, label: name }
      }
      return { key: raw, label: raw === '' ? BLANK_LABEL : raw }
    },
  }
}

/** Record measures a definition reads for a window, following referenced indicators. */
function recordMeasures(
  evaluator: Evaluator,
  definition: IndicatorDefinition,
  w: Window,
  out: ResolvedMeasure[],
  seen = new Set<string>(),
): void {
  if (seen.has(definition.id)) return
  seen.add(definition.id)
  const compiled = evaluator.compile(evaluator.caliberFor(definition, w))
  if (!compiled.formula || compiled.unavailable)
    throw new EngineError(
      'BAD_ARGUMENT',
      `指标“${definition.name}”无法计算：${compiled.unavailable ?? compiled.error ?? '公式有误'}`,
    )
  for (const slot of compiled.slotList) {
    if (slot.type === 'record') out.push(slot.measure)
    else if (slot.type === 'indicator') {
      const referenced = evaluator.definition(slot.ref.indicator)
      if (referenced) recordMeasures(evaluator, referenced, w, out, seen)
    }
  }
}

/** A date-indexed range scan beats a full scan for a few months of a million records; never fatal. */
function ensureDateIndex(db: Db, datasetId: number, column: string): void {
  try {
    ensureSortIndex(db, datasetId, { column })
  } catch {
    // A workspace busy with an import cannot build the index now: the scan works without it.
  }
}

const inList = (values: readonly string[]): Sql =>
  join(
    values.map((v) => sql`${v}`),
    ', ',
  )

/**
 * n and s of each measure per data unit, window and group value: one scan per (dataset, date field)
 * for person and sum measures; 件 per case (counted in its earliest matching record's month and
 * unit, as the aggregates count them, in its smallest group value).
 */
function groupedSums(
  db: Db,
  measures: readonly ResolvedMeasure[],
  group: Grouping,
  windows: [Window, Window],
  units: string[] | null,
): Map<string, Map<string, WindowSums>> {
  const result = new Map<string, Map<string, WindowSums>>()
  const add = (key: string, unit: string, win: number, value: string, n: number, s: number) => {
    let byUnit = result.get(key)
    if (!byUnit) result.set(key, (byUnit = new Map()))
    let pair = byUnit.get(unit)
    if (!pair) byUnit.set(unit, (pair = [new Map(), new Map()]))
    const cell = pair[win].get(value)
    if (cell) {
      cell.n += n
      cell.s += s
    } else pair[win].set(value, { n, s })
  }
  const byDate = new Map<string, ResolvedMeasure[]>()
  for (const m of new Map(measures.map((m) => [m.key, m])).values()) {
    const k = `${m.datasetId}|${m.dateColumn}`
    byDate.set(k, [...(byDate.get(k) ?? []), m])
  }
  const [d0, d1] = windows.map((w) => windowDates(w))
  for (const list of byDate.values()) {
    const first = list[0]
    const table = ident(recordsTable(first.datasetId))
    const g = sql`coalesce(CAST(${ident(group.field(first.datasetId, first.dateColumn).column)} AS TEXT), '')`
    const date = ident(first.dateColumn)
    const unitIn = units === null ? sql`1` : sql`${fragment(unitSql(first))} IN (${fragment(inList(units))})`
    ensureDateIndex(db, first.datasetId, first.dateColumn)
    const plain = list.filter((m) => m.kind !== 'cases' && m.kind !== 'median')
    if (plain.length > 0) {
      const columns = plain.map((m) => {
        if (m.kind === 'persons') return sql`total(CASE WHEN ${fragment(filterSql(m))} THEN 1 END), NULL`
        const value = sql`CASE WHEN ${fragment(filterSql(m))} THEN ${fragment(m.value!)} END`
        return sql`count(${fragment(value)}), total(${fragment(value)})`
      })
      // One plain date range per window: SQLite uses the date index for it (not for an OR of two).
      ;[d0, d1].forEach((dates, win) => {
        const q = sql`SELECT ${fragment(unitSql(first))} AS u, ${fragment(g)} AS g, ${fragment(join(columns, ', '))}
                      FROM ${table}
                      WHERE ${fragment(variantSql(first.datasetId, 'all'))} AND ${date} BETWEEN ${dates.first} AND ${dates.last}
                        AND ${fragment(dateGuardSql(first.dateColumn))} AND ${fragment(unitIn)}
                      GROUP BY u, g`
        for (const row of db
          .prepare(q.text)
          .raw()
          .iterate(...q.values) as Iterable<unknown[]>) {
          plain.forEach((m, i) => {
            const n = row[2 + i * 2] as number
            if (n !== 0)
              add(m.key, row[0] as string, win, row[1] as string, n, (row[3 + i * 2] as number | null) ?? 0)
          })
        }
      })
    }
    const month = monthSql(first.dateColumn)
    for (const m of list.filter((x) => x.kind === 'cases')) {
      const where = sql`${fragment(variantSql(m.datasetId, 'all'))} AND ${fragment(dateGuardSql(m.dateColumn))}
                        AND ${fragment(filterSql(m))}`
      const outerUnit = units === null ? sql`1` : sql`u IN (${fragment(inList(units))})`
      if (m.caseColumn) ensureDateIndex(db, m.datasetId, m.caseColumn)
      ;[d0, d1].forEach((dates, win) => {
        const w = windows[win]
        const inWindow = sql`${date} BETWEEN ${dates.first} AND ${dates.last}`
        // A case counts in the month of its earliest matching record: the cases with a record in the
        // window (found through the date index), each judged over all its records (the case index).
        const cases = m.caseColumn
          ? sql`SELECT min(${fragment(unitSql(m))}) AS u, min(${fragment(g)}) AS g, min(${fragment(month)}) AS mo
                FROM ${table}
                WHERE ${fragment(where)} AND ${ident(m.caseColumn)} IN (
                  SELECT ${ident(m.caseColumn)} FROM ${table}
                  WHERE ${fragment(variantSql(m.datasetId, 'all'))} AND ${fragment(inWindow)})
                GROUP BY ${ident(m.caseColumn)}
                UNION ALL
                SELECT ${fragment(unitSql(m))}, ${fragment(g)}, ${fragment(month)} FROM ${table}
                WHERE ${fragment(where)} AND ${fragment(inWindow)} AND ${ident(m.caseColumn)} IS NULL`
          : sql`SELECT ${fragment(unitSql(m))} AS u, ${fragment(g)} AS g, ${fragment(month)} AS mo FROM ${table}
                WHERE ${fragment(where)} AND ${fragment(inWindow)}`
        const q = sql`SELECT u, g, count(*) FROM (${fragment(cases)})
                      WHERE mo BETWEEN ${w.from} AND ${w.to} AND ${fragment(outerUnit)}
                      GROUP BY u, g`
        for (const row of db
          .prepare(q.text)
          .raw()
          .iterate(...q.values) as Iterable<[string, string, number]>)
          add(m.key, row[0], win, row[1], row[2], 0)
      })
    }
  }
  return result
}

/** The data of one target unit, by part: each measure's sums per window, and the raw values behind each part. */
interface TargetParts {
  sums: Map<string, [Map<string, Sums>, Map<string, Sums>]>
  keys: Map<string, string>
  raw: Map<string, Map<number, Set<string>>>
}

function partsOfTarget(
  grouped: Map<string, Map<string, WindowSums>>,
  measures: readonly ResolvedMeasure[],
  group: Grouping,
  dataUnits: readonly string[] | null,
): TargetParts {
  const parts: TargetParts = { sums: new Map(), keys: new Map(), raw: new Map() }
  const wanted = dataUnits === null ? null : new Set(dataUnits)
  for (const m of new Map(measures.map((x) => [x.key, x])).values()) {
    const byPart: [Map<string, Sums>, Map<string, Sums>] = [new Map(), new Map()]
    parts.sums.set(m.key, byPart)
    for (const [unit, pair] of grouped.get(m.key) ?? []) {
      if (wanted && !wanted.has(unit)) continue
      pair.forEach((values, win) => {
        for (const [raw, cell] of values) {
          const { key, label } = group.part(m.datasetId, raw)
          parts.keys.set(key, label)
          let rawByDataset = parts.raw.get(key)
          if (!rawByDataset) parts.raw.set(key, (rawByDataset = new Map()))
          let set = rawByDataset.get(m.datasetId)
          if (!set) rawByDataset.set(m.datasetId, (set = new Set()))
          set.add(raw)
          const sums = byPart[win].get(key)
          if (sums) {
            sums.n += cell.n
            sums.s += cell.s
          } else byPart[win].set(key, { n: cell.n, s: cell.s })
        }
      })
    }
  }
  return parts
}

interface PartValue {
  numerator: number | null
  denominator: number | null
  value: number | null
}

/** An indicator's figure for one part and window, from the part's measure sums (formulas applied per part). */
function partValue(
  evaluator: Evaluator,
  definition: IndicatorDefinition,
  w: Window,
  win: 0 | 1,
  key: string,
  parts: TargetParts,
  stack: string[] = [],
): PartValue {
  const compiled = evaluator.compile(evaluator.caliberFor(definition, w))
  const cell = (m: ResolvedMeasure) => parts.sums.get(m.key)?.[win].get(key) ?? { n: 0, s: 0 }
  if (compiled.denominatorFn === null && compiled.averageAt >= 0) {
    const slot = compiled.slotList[compiled.averageAt]
    const c = slot.type === 'record' ? cell(slot.measure) : { n: 0, s: 0 }
    return { numerator: c.s, denominator: c.n, value: c.n > 0 ? c.s / c.n : null }
  }
  const values = compiled.slotList.map((slot): number | null => {
    if (slot.type === 'record') {
      const c = cell(slot.measure)
      return slot.measure.kind === 'sum'
        ? c.s
        : slot.measure.kind === 'avg'
          ? c.n > 0
            ? c.s / c.n
            : null
          : c.n
    }
    if (slot.type === 'indicator' && !stack.includes(definition.id)) {
      const referenced = evaluator.definition(slot.ref.indicator)
      if (!referenced) return null
      return partValue(evaluator, referenced, w, win, key, parts, [...stack, definition.id])[slot.ref.part]
    }
    return null
  })
  if (compiled.denominatorFn === null) {
    const value = compiled.valueFn!(values)
    return { numerator: value, denominator: null, value }
  }
  const numerator = compiled.numeratorFn!(values)
  const denominator = compiled.denominatorFn(values)
  const value =
    numerator === null || denominator === null || denominator === 0
      ? null
      : (numerator / denominator) * unitScale(definition.unit)
  return { numerator, denominator, value }
}

/** Setup shared by explain and the list's causes. */
export interface ExplainContext {
  db: Db
  evaluator: Evaluator
  /** The indicator's form (scan.ts): only ratio, average and count decompose. */
  form(definition: IndicatorDefinition): Form
}

export interface PartDecomposition {
  decomposition: Decomposition
  /** Per part: how to drill into it (the unit dimension) or which raw values it holds (other dimensions). */
  drill: Map<string, { unit: string; own: boolean } | { raw: Map<number, Set<string>> } | null>
  fields: { datasetId: number; field: string }[]
}

function assertDecomposable(ctx: ExplainContext, definition: IndicatorDefinition): Form {
  const form = ctx.form(definition)
  if (form === 'other')
    throw new EngineError(
      'BAD_ARGUMENT',
      `指标“${definition.name}”是中位数、比率之和等不能按部分相加的指标，无法分解为各部分的贡献。`,
    )
  return form
}

function decompose(form: Form, definition: IndicatorDefinition, parts: PartFigures[]): Decomposition {
  if (form === 'count') return countContributions(parts)
  return shiftShare(parts, form === 'ratio' ? unitScale(definition.unit) : 1)
}

/** Contributions of the subordinate units (each with its own subordinates), the unit's own cases, and any remainder. */
function byUnit(
  ctx: ExplainContext,
  definition: IndicatorDefinition,
  unit: string,
  w1: Window,
  w0: Window,
): PartDecomposition {
  const form = assertDecomposable(ctx, definition)
  const hierarchy = ctx.evaluator.hierarchy
  const self = hierarchy.get(unit)!
  const children = hierarchy.units.filter((u) => u.parent === unit)
  if (children.length === 0)
    throw new EngineError('BAD_ARGUMENT', `${self.name}没有下级院，请按案由、承办检察官或案件类别分析。`)
  const fig = (code: string, w: Window, own: boolean) => {
    const f = ctx.evaluator.figure(definition, code, w, own)
    if (f.unavailable)
      throw new EngineError('BAD_ARGUMENT', `指标“${definition.name}”无法计算：${f.unavailable}`)
    return { numerator: f.numerator ?? 0, denominator: form === 'count' ? null : (f.denominator ?? 0) }
  }
  const parts: PartFigures[] = []
  const drill: PartDecomposition['drill'] = new Map()
  for (const child of children) {
    parts.push({
      key: child.code,
      label: shortUnitName(child.name),
      before: fig(child.code, w0, false),
      after: fig(child.code, w1, false),
    })
    drill.set(child.code, { unit: child.code, own: false })
  }
  const own = {
    key: `${unit}:own`,
    label: `${shortUnitName(self.name)}本级`,
    before: fig(unit, w0, true),
    after: fig(unit, w1, true),
  }
  parts.push(own)
  drill.set(own.key, { unit, own: true })
  // The root's figures also hold records of unit codes the hierarchy does not list.
  const whole = { before: fig(unit, w0, false), after: fig(unit, w1, false) }
  const rest = (pick: 'before' | 'after', part: 'numerator' | 'denominator') =>
    (whole[pick][part] ?? 0) - parts.reduce((sum, p) => sum + (p[pick][part] ?? 0), 0)
  if (
    [
      rest('before', 'numerator'),
      rest('after', 'numerator'),
      rest('before', 'denominator'),
      rest('after', 'denominator'),
    ].some((v) => Math.abs(v) > 1e-9)
  ) {
    parts.push({
      key: `${unit}:unlisted`,
      label: '未列入单位表的单位',
      before: {
        numerator: rest('before', 'numerator'),
        denominator: form === 'count' ? null : rest('before', 'denominator'),
      },
      after: {
        numerator: rest('after', 'numerator'),
        denominator: form === 'count' ? null : rest('after', 'denominator'),
      },
    })
    drill.set(`${unit}:unlisted`, null)
  }
  return { decomposition: decompose(form, definition, parts), drill, fields: [] }
}

/**
 * Contributions by a record field for several target units at once (the list's causes read every
 * warned unit from the same scan): target → decomposition.
 */
export function decomposeByField(
  ctx: ExplainContext,
  definition: IndicatorDefinition,
  targets: readonly string[],
  w1: Window,
  w0: Window,
  dimension: Exclude<Dimension, 'unit'>,
): Map<string, PartDecomposition> {
  const form = assertDecomposable(ctx, definition)
  const measures: ResolvedMeasure[] = []
  recordMeasures(ctx.evaluator, definition, w1, measures)
  recordMeasures(ctx.evaluator, definition, w0, measures)
  const group = grouping(ctx.db, dimension)
  const hierarchy = ctx.evaluator.hierarchy
  const dataUnits = targets.map((t) => hierarchy.dataUnits(t, false))
  const union = dataUnits.some((u) => u === null) ? null : [...new Set(dataUnits.flatMap((u) => u!))]
  const grouped = groupedSums(ctx.db, measures, group, [w0, w1], union)
  const fields = [...new Map(measures.map((m) => [m.datasetId, m])).values()].map((m) => ({
    datasetId: m.datasetId,
    field: group.field(m.datasetId, m.dateColumn).name,
  }))
  const out = new Map<string, PartDecomposition>()
  targets.forEach((target, i) => {
    const parts = partsOfTarget(grouped, measures, group, dataUnits[i])
    const figures: PartFigures[] = [...parts.keys].map(([key, label]) => {
      const before = partValue(ctx.evaluator, definition, w0, 0, key, parts)
      const after = partValue(ctx.evaluator, definition, w1, 1, key, parts)
      return {
        key,
        label,
        before: {
          numerator: before.numerator ?? 0,
          denominator: form === 'count' ? null : (before.denominator ?? 0),
        },
        after: {
          numerator: after.numerator ?? 0,
          denominator: form === 'count' ? null : (after.denominator ?? 0),
        },
      }
    })
    const drill: PartDecomposition['drill'] = new Map()
    for (const key of parts.keys.keys()) drill.set(key, { raw: parts.raw.get(key) ?? new Map() })
    out.set(target, { decomposition: decompose(form, definition, figures), drill, fields })
  })
  return out
}

/** Contributions to the change of one unit's figure between w0 and w1 along a dimension. */
export function decomposeChange(
  ctx: ExplainContext,
  definition: IndicatorDefinition,
  unit: string,
  w1: Window,
  w0: Window,
  dimension: Dimension,
): PartDecomposition {
  if (dimension === 'unit') return byUnit(ctx, definition, unit, w1, w0)
  return decomposeByField(ctx, definition, [unit], w1, w0, dimension).get(unit)!
}

/** Drill-down scopes of one part: every record measure of the current 口径's numerator and denominator. */
function scopesOf(
  ctx: ExplainContext,
  definition: IndicatorDefinition,
  unit: string,
  w1: Window,
  drill: PartDecomposition['drill'] extends Map<string, infer V> ? V : never,
  fields: Map<number, string>,
): ContributionScope[] {
  if (drill === null || drill === undefined) return []
  const caliber = ctx.evaluator.caliberFor(definition, w1)
  const compiled = ctx.evaluator.compile(caliber)
  const formula = compiled.formula
  if (!formula) return []
  const roles: { part: 'numerator' | 'denominator'; names: string[] }[] =
    compiled.denominatorFn === null
      ? [{ part: 'numerator', names: formula.numeratorMeasures }]
      : [
          { part: 'numerator', names: formula.numeratorMeasures },
          { part: 'denominator', names: formula.denominatorMeasures },
        ]
  const period = periodOfWindow(w1).text
  const scopes: ContributionScope[] = []
  for (const { part, names } of roles)
    for (const name of names) {
      const slot = compiled.slots.get(name)
      if (!slot || slot.type !== 'record') continue
      const base: MeasureScope = {
        indicator: definition.id,
        caliber: caliber.id,
        measure: name,
        unit,
        period,
        own: false,
        excludeFlagged: false,
      }
      if ('unit' in drill) {
        scopes.push({
          part,
          measure: name,
          datasetId: slot.measure.datasetId,
          scope: { ...base, unit: drill.unit, own: drill.own },
        })
        continue
      }
      const raw = drill.raw.get(slot.measure.datasetId)
      const field = fields.get(slot.measure.datasetId)
      if (!raw || raw.size === 0 || !field) continue
      scopes.push({
        part,
        measure: name,
        datasetId: slot.measure.datasetId,
        scope: { ...base, match: { field, values: [...raw].slice(0, 1000) } },
      })
    }
  return scopes
}

/** anomaly/explain */
export function explainAnomaly(
  db: Db,
  args: {
    indicator: string
    unit: string
    period: string
    compareTo: Comparison
    dimension: Dimension
    limit: number
  },
  today: string,
): ExplainResult {
  const started = performance.now()
  const all = listIndicators(db)
  const [definition] = selectIndicators(all, [args.indicator])
  const period = periodOrThrow(args.period)
  const w0 = args.compareTo === 'yoy' ? yoyWindow(period) : momWindow(period)
  const evaluator = new Evaluator(db, all, { variant: 'all', today })
  evaluator.prepare([definition], [period, w0])
  const unit = evaluator.hierarchy.get(args.unit)
  if (!unit) throw new EngineError('NOT_FOUND', `单位“${args.unit}”不在单位列表中。`)
  const forms = new Forms(evaluator)
  const ctx: ExplainContext = { db, evaluator, form: (d) => forms.of(d) }
  const { decomposition, drill, fields } = decomposeChange(
    ctx,
    definition,
    args.unit,
    period,
    w0,
    args.dimension,
  )
  const fieldByDataset = new Map(fields.map((f) => [f.datasetId, f.field]))
  const { top, other } = rankContributions(decomposition.contributions, args.limit)
  const item = (c: Contribution): ContributionItem => ({
    ...c,
    scopes: scopesOf(ctx, definition, args.unit, period, drill.get(c.key) ?? null, fieldByDataset),
  })
  const compare = periodOfWindow(w0)
  const before = decomposition.before
  const after = decomposition.after
  return {
    indicator: definition.id,
    name: definition.name,
    unit: unit.code,
    unitName: unit.name,
    period: period.text,
    periodLabel: period.label,
    compareTo: args.compareTo,
    comparePeriod: compare.text,
    comparePeriodLabel: compare.label,
    dimension: args.dimension,
    dimensionLabel: DIMENSION_NAMES[args.dimension],
    fields,
    method: decomposition.method,
    displayUnit: definition.unit,
    precision: definition.precision,
    before,
    after,
    change: decomposition.change,
    changeUnit: changeUnitOf(definition.unit),
    contributions: top.map(item),
    other: other ? { ...other, scopes: [] } : null,
    waterfall:
      before === null || after === null
        ? []
        : waterfall(before, after, other ? [...top, other] : top, {
            start: `${compare.label}（${COMPARISON_NAMES[args.compareTo] === '同比' ? '去年同期' : '上期'}）`,
            end: period.label,
          }),
    elapsedMs: Math.round(performance.now() - started),
  }
}
