/**
 * Generates the demo province: a Jiangsu-shaped hierarchy of procuratorates, their 010101 and 020101
 * exports over a window of months, and manifest.json with the injected errors and anomalies. Used by
 * the `yanpan demo` command, the `demo/create` channel and the benchmark.
 *
 * Work goes city by city (a 市院 and its 基层院 share case numbers and suspects), so memory stays
 * bounded by the largest city whatever the number of suspects; rows stream into the export files.
 */
import fs from 'node:fs'
import { fromDayNumber } from '../../../shared/values/date.ts'
import { AnomalyPlan } from './anomalies.ts'
import { ArrestRows } from './arrest-rows.ts'
import { monthRange, monthsBefore, monthOf } from './calendar.ts'
import { newCases, type CaseContext, type DemoCase } from './cases.ts'
import { assignNumbers } from './numbering.ts'
import { allocate } from './allocation.ts'
import { dayTexts, type DemoKind } from './columns.ts'
import { loadDistributions } from './distributions.ts'
import { ErrorInjector } from './errors.ts'
import { buildHierarchy, type DemoUnit } from './hierarchy.ts'
import { writeManifest, type DemoManifest } from './manifest.ts'
import { ProsecutionRows } from './prosecution-rows.ts'
import { Random } from './random.ts'
import { calibrate, drawUnitRates } from './rates.ts'
import { RateTally } from './tally.ts'
import {
  BothExports,
  CsvExports,
  XlsxExports,
  type ExportFile,
  type ExportFormat,
  type ExportSink,
} from './write-exports.ts'

export interface DemoOptions {
  /** Folder for the exports and manifest.json (created if missing). */
  out: string
  /** Suspects entering the system in the window. Default 20 000. */
  persons?: number
  /** First and last month, 'YYYY-MM'. Default 2022-01 … 2025-12. */
  from?: string
  to?: string
  seed?: number
  /** Share of rows with an injected data-quality error. Default 0.02. */
  errorRate?: number
  /** Default both. */
  formats?: ExportFormat[]
  /** Suspects generated so far, out of all (window and warm-up). */
  onProgress?: (done: number, total: number) => void
}

export interface DemoResult {
  files: ExportFile[]
  manifestPath: string
  manifest: DemoManifest
  units: DemoUnit[]
}

export const DEMO_DEFAULTS = {
  persons: 20_000,
  from: '2022-01',
  to: '2025-12',
  seed: 1,
  errorRate: 0.02,
} as const
/** Months before the window whose cases reach 审查起诉 inside it (exported only from then on). */
const WARM_UP_MONTHS = 3
/** The exports are pulled a few days after the window closes. */
const EXPORT_LAG_DAYS = 5

export async function generateDemo(options: DemoOptions): Promise<DemoResult> {
  const persons = options.persons ?? DEMO_DEFAULTS.persons
  const from = options.from ?? DEMO_DEFAULTS.from
  const to = options.to ?? DEMO_DEFAULTS.to
  const seed = options.seed ?? DEMO_DEFAULTS.seed
  const errorRate = options.errorRate ?? DEMO_DEFAULTS.errorRate
  if (from > to) throw new RangeError(`起始月份 ${from} 晚于结束月份 ${to}`)
  fs.mkdirSync(options.out, { recursive: true })

  const root = new Random(seed, 'demo')
  const units = buildHierarchy(root.fork('hierarchy'))
  const distributions = loadDistributions()
  const rates = drawUnitRates(root.fork('rates'), units)
  const intercepts = calibrate(distributions.charges, units, rates)
  const months = monthRange(from, to)
  const warmUp = monthRange(monthsBefore(from, WARM_UP_MONTHS), monthsBefore(from, 1))
  const anomalies = AnomalyPlan.choose(root.fork('anomalies'), units, months)
  const counties = units.filter((u) => u.level === 'county')
  const allocation = allocate(counties, months, warmUp, persons, anomalies)

  const window = { first: monthOf(from).first, last: monthOf(to).last }
  const today = window.last + EXPORT_LAG_DAYS
  const todayText = fromDayNumber(today)
  const day = dayTexts(today)
  const arrestRows = new ArrestRows()
  const prosecutionRows = new ProsecutionRows()
  const headers: Record<DemoKind, readonly string[]> = {
    '010101': arrestRows.header,
    '020101': prosecutionRows.header,
  }
  const sink = makeSink(options.out, headers, todayText, options.formats ?? ['csv', 'xlsx'])
  const tally = new RateTally(headers, fromDayNumber(window.last))
  const errors: ErrorInjector['errors'] = []
  const rows = { '010101': 0, '020101': 0 }
  const areas = counties.map((u) => u.code)
  const inWindow = (d: number) => d >= window.first && d <= window.last
  const total = persons + [...allocation.values()].reduce((s, cells) => s + cells.warm, 0)
  let done = 0
  let suspects = 0

  /** Numbers a handling unit's cases and writes their rows (errors injected on the way). */
  const render = (unit: DemoUnit, cases: DemoCase[]) => {
    const injector = new ErrorInjector(errorRate, new Random(seed, `errors:${unit.code}`), today, todayText)
    const { arrests, prosecutions } = assignNumbers(unit, cases)
    for (const c of arrests) {
      if (!inWindow(c.arrest!.accepted)) continue
      const year = Number(day(c.arrest!.accepted).slice(0, 4))
      for (const person of c.persons) {
        const cells = arrestRows.render(c, person, day)
        injector.maybeInject('010101', arrestRows.header, cells, c.persons.length, unit.name)
        tally.add('010101', cells)
        sink.write('010101', year, cells)
        rows['010101']++
      }
    }
    for (const c of prosecutions) {
      const stage = c.prosecution!
      if (!inWindow(stage.accepted)) continue
      const year = Number(day(stage.accepted).slice(0, 4))
      for (const person of stage.persons) {
        const cells = prosecutionRows.render(c, person, day)
        injector.maybeInject('020101', prosecutionRows.header, cells, stage.persons.length, unit.name)
        tally.add('020101', cells)
        sink.write('020101', year, cells)
        rows['020101']++
      }
    }
    suspects += countSuspects(cases, inWindow)
    errors.push(...injector.errors)
  }

  // County by county, so memory holds one 基层院's cases; the few its 市院 takes wait for the city's end.
  for (const city of units.filter((u) => u.level === 'city')) {
    const cityCases: DemoCase[] = []
    for (const county of counties.filter((u) => u.cityIndex === city.index)) {
      const ctx: CaseContext = {
        random: new Random(seed, `cases:${county.code}`),
        distributions,
        units,
        rates,
        intercepts,
        anomalies,
        areas,
      }
      const own: DemoCase[] = []
      for (const [month, count] of allocation.get(county.index)!.months) {
        for (const c of newCases(
          ctx,
          county,
          month,
          count,
          anomalies.forcedDirectShare(county.index, month.key),
        )) {
          ;(c.unit === county ? own : cityCases).push(c)
        }
        done += count
      }
      render(county, own)
      options.onProgress?.(done, total)
      await sink.drain()
    }
    render(city, cityCases)
  }

  const files = await sink.close()
  const manifest: DemoManifest = {
    version: 1,
    seed,
    persons,
    from,
    to,
    exportDate: todayText,
    errorRate,
    files: files.map(({ path: file, ...rest }) => ({ ...rest, file: file.split(/[\\/]/).pop()! })),
    counts: { suspects, rows, units: units.length },
    rates: tally.rates(),
    errors,
    anomalies: anomalies.anomalies,
  }
  const manifestPath = writeManifest(options.out, manifest)
  return { files, manifestPath, manifest, units }
}

function makeSink(
  dir: string,
  headers: Record<DemoKind, readonly string[]>,
  exportDate: string,
  formats: ExportFormat[],
): ExportSink {
  const sinks: ExportSink[] = []
  if (formats.includes('csv')) sinks.push(new CsvExports(dir, headers))
  if (formats.includes('xlsx')) sinks.push(new XlsxExports(dir, headers, exportDate))
  if (sinks.length === 0) throw new RangeError('至少选择一种导出格式（csv 或 xlsx）')
  return sinks.length === 1 ? sinks[0] : new BothExports(sinks)
}

/** Suspects with at least one exported row. */
function countSuspects(cases: DemoCase[], inWindow: (day: number) => boolean): number {
  let n = 0
  for (const c of cases) {
    const arrest = c.arrest !== null && inWindow(c.arrest.accepted)
    const prosecution = c.prosecution !== null && inWindow(c.prosecution.accepted)
    for (const person of c.persons) if (arrest || (prosecution && (c.arrest === null || person.proceeds))) n++
  }
  return n
}
