/**
 * Anomaly benchmark (issue 7): the demo province at BENCH_ANOMALY_PERSONS suspects (default 1,000,000,
 * seed 1; BENCH_ANOMALY_DB=FILE reuses a workspace holding a demo import, its manifest.json next to it
 * in FILE-files/demo or given by BENCH_ANOMALY_MANIFEST), plus provinces of other seeds
 * (BENCH_ANOMALY_SEEDS, default "2,3"; "" for none) of the same size (BENCH_ANOMALY_SEED_PERSONS), or
 * workspaces given by BENCH_ANOMALY_SEED_DBS=FILE,FILE — so recall is measured on more than the five
 * anomalies one demo injects. Prints
 *   - recall and precision of the detectors against the manifests' injected anomalies, over every
 *     library indicator × unit × covered month and quarter, with what counts as a hit;
 *   - the time of all detectors over 40 indicators × all units × 36 months (cold and warm), of
 *     anomaly/list for one period with causes, of anomaly/explain per dimension and of a forecast.
 * Never fails on time or quality.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { detectPeriod, type Candidate } from '../electron/engine/anomalies/detect.ts'
import { explainAnomaly } from '../electron/engine/anomalies/explain.ts'
import { forecastAnomaly } from '../electron/engine/anomalies/forecast.ts'
import { listAnomalies } from '../electron/engine/anomalies/list.ts'
import { AnomalyScan } from '../electron/engine/anomalies/scan.ts'
import type { Anomaly } from '../electron/engine/demo/anomalies.ts'
import { readManifest } from '../electron/engine/demo/manifest.ts'
import { listIndicators } from '../electron/engine/indicators/library.ts'
import { openWorkspace, type Db } from '../electron/engine/store/database.ts'
import { DEFAULT_THRESHOLDS, type AnomalyKind } from '../shared/anomalies/model.ts'
import { demoWorkspace } from './demo-workspace.ts'
import { monthKey, parsePeriod, periodOfWindow, type Window } from '../shared/indicators/period.ts'

const today = '2026-01-15'
const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
const ms = (n: number) => `${n < 10 ? n.toFixed(2) : Math.round(n)} ms`
const pct = (n: number) => `${(n * 100).toFixed(1)}%`

// ---------------------------------------------------------------------------------------------
// What counts as a hit. The demo (electron/engine/demo/anomalies.ts) moves one flow or decision of
// one 基层院; every indicator computed from that flow or decision moves with it (by construction of
// the generator), so a warning on any of them is about the injected anomaly — its "family".
// ---------------------------------------------------------------------------------------------

/** 受理: the injection multiplies the unit-month's new cases (entryFactor), in 010101 and 020101. */
const INTAKE = [
  '审查逮捕受理人数',
  '审查逮捕受理件数',
  '审查起诉受理人数',
  '审查起诉受理件数',
  '受理人数',
  '未成年人审查逮捕受理人数',
  '未成年人审查起诉受理人数',
  '未成年人受理人数',
  '退回补充侦查率', // its denominator is 审查起诉受理人数
]
/** The 不起诉 decision (logit shift on 'drop'; a dropped person's 认罪认罚 follows the outcome). */
const DROP = [
  '不诉率',
  '起诉率',
  '不起诉人数',
  '起诉人数',
  '绝对不起诉率',
  '存疑不起诉率',
  '相对不起诉率',
  '捕后不诉率',
  '捕后不诉和判处免予刑事处罚率',
  '未成年人不诉率',
  '附条件不起诉人数',
  '附条件不起诉率',
  '认罪认罚从宽制度适用率',
]
/** 认罪认罚 (logit shift on 'plea'): 速裁 needs a plea, recommendations and appeals follow it. */
const PLEA = [
  '认罪认罚从宽制度适用率',
  '确定刑量刑建议提出率',
  '幅度刑量刑建议占比',
  '量刑建议采纳率',
  '速裁程序适用率',
  '简易程序适用率',
  '普通程序适用率',
  '一审服判率',
  '认罪认罚案件一审服判率',
  '上诉率',
]
const FAMILIES: Record<Anomaly['indicator'], string[]> = {
  审查起诉受理人数: INTAKE,
  审查逮捕受理人数: INTAKE,
  受理人数: INTAKE,
  不诉率: DROP,
  认罪认罚从宽制度适用率: PLEA,
}
/** Warning kinds that describe an injected anomaly (a blank month is also a fall; an outlying quarter also a break). */
const COMPATIBLE: Record<Anomaly['kind'], AnomalyKind[]> = {
  change: ['升降', '季节异常'],
  blank: ['空白', '升降', '季节异常'],
  outlier: ['离群', '升降', '季节异常'],
}
/** The kind that must find it (recall): a change by 升降 or 季节异常, a blank by 空白, an outlier by 离群. */
const PRIMARY: Record<Anomaly['kind'], AnomalyKind[]> = {
  change: ['升降', '季节异常'],
  blank: ['空白'],
  outlier: ['离群'],
}
/** Months after an injected period in which its cases still flow through later stages (审结, 判决). */
const AFTERMATH = 2

/**
 * The demo's designed province-wide policy shift (electron/engine/demo/rates.ts YEAR_SHIFTS: 2022–2023
 * lenient, 2024–2025 stricter): 不捕 and 不诉 fall year on year everywhere. At 省院 and 市院 level the
 * fall is large and certain enough to be a real 同比 change — a true finding, but not an injected one.
 */
const DESIGNED_TREND: Record<string, 'up' | 'down'> = {
  不捕率: 'down',
  逮捕率: 'up',
  不诉率: 'down',
  起诉率: 'up',
  相对不起诉率: 'down',
  绝对不起诉率: 'down',
  存疑不起诉率: 'down',
  捕后不诉率: 'down',
  捕后不诉和判处免予刑事处罚率: 'down',
  未成年人不诉率: 'down',
  未成年人不捕率: 'down',
}

type Verdict = 'direct' | 'ancestor' | 'consequence' | 'trend' | 'unexplained'

interface Truth {
  anomaly: Anomaly
  window: Window
}

const overlaps = (a: Window, b: Window) => a.from <= b.to && b.from <= a.to

function truthOf(anomaly: Anomaly): Truth {
  const parsed = parsePeriod(anomaly.period.replace('-Q', 'Q'))
  if (!parsed.ok) throw new Error(parsed.message)
  return { anomaly, window: parsed.period }
}

const RANK: Record<Verdict, number> = { direct: 4, ancestor: 3, consequence: 2, trend: 1, unexplained: 0 }

function classify(
  c: Candidate,
  period: Window,
  truths: Truth[],
  ancestors: (code: string) => string[],
): Verdict {
  let verdict: Verdict = 'unexplained'
  const better = (v: Verdict) => {
    if (RANK[v] > RANK[verdict]) verdict = v
  }
  for (const { anomaly, window } of truths) {
    const same = c.unit.code === anomaly.unit
    if (!same && !ancestors(anomaly.unit).includes(c.unit.code)) continue
    if (
      FAMILIES[anomaly.indicator].includes(c.definition.id) &&
      COMPATIBLE[anomaly.kind].includes(c.kind) &&
      overlaps(period, window)
    )
      better(same ? 'direct' : 'ancestor')
    else if (same && overlaps(period, { from: window.from, to: window.to + AFTERMATH })) better('consequence')
  }
  if (
    verdict === 'unexplained' &&
    c.unit.level !== 'county' &&
    (c.kind === '升降' || c.kind === '季节异常') &&
    DESIGNED_TREND[c.definition.id] === c.movement &&
    Math.floor(period.from / 12) >= 2023
  )
    verdict = 'trend'
  return verdict
}

interface Quality {
  anomalies: number
  found: number
  missed: string[]
  verdicts: Record<Verdict, number>
  unexplained: Map<string, number>
  perProvince: string[]
}

/** Every library indicator × unit × covered month and quarter of a demo workspace, against its manifest. */
function evaluate(
  db: Db,
  manifest: { anomalies: Anomaly[]; seed: number; persons: number },
  quality: Quality,
) {
  const started = performance.now()
  const scan = new AnomalyScan(db, { today, from: 0, to: 2100 * 12 })
  const coverage = scan.coverage!
  const first = coverage.first + DEFAULT_THRESHOLDS.warmupMonths
  const periods: Window[] = []
  for (let m = first; m <= coverage.last; m++) periods.push({ from: m, to: m })
  for (let m = first; m + 2 <= coverage.last; m++) if (m % 3 === 0) periods.push({ from: m, to: m + 2 })
  const truths = manifest.anomalies.map(truthOf)
  const ancestors = (code: string) => scan.hierarchy.includers(code).filter((c) => c !== code)
  const found = new Set<Anomaly>()
  let warnings = 0
  for (const period of periods) {
    for (const c of detectPeriod(scan, period).candidates) {
      if (c.suppressed !== null) continue
      warnings++
      const verdict = classify(c, period, truths, ancestors)
      quality.verdicts[verdict]++
      if (verdict === 'unexplained') {
        const key = `${c.kind} ${c.definition.id} @${c.unit.level === 'province' ? '省院' : c.unit.level === 'city' ? '市院' : '基层院'}`
        quality.unexplained.set(key, (quality.unexplained.get(key) ?? 0) + 1)
      }
      for (const t of truths)
        if (
          c.unit.code === t.anomaly.unit &&
          c.definition.id === t.anomaly.indicator &&
          PRIMARY[t.anomaly.kind].includes(c.kind) &&
          overlaps(period, t.window)
        )
          found.add(t.anomaly)
    }
  }
  quality.anomalies += truths.length
  quality.found += found.size
  for (const t of truths)
    if (!found.has(t.anomaly))
      quality.missed.push(
        `seed ${manifest.seed}: ${t.anomaly.unitName} ${t.anomaly.indicator} ${t.anomaly.period} (${t.anomaly.kind})`,
      )
  quality.perProvince.push(
    `  seed ${manifest.seed}, ${fmt(manifest.persons)} persons: ${found.size}/${truths.length} injected anomalies found, ` +
      `${fmt(warnings)} warnings over ${periods.length} periods (${monthKey(first)}…${monthKey(coverage.last)}), ` +
      `${(performance.now() - started) / 1000 < 10 ? ((performance.now() - started) / 1000).toFixed(1) : Math.round((performance.now() - started) / 1000)} s`,
  )
}

function generate(persons: number, seed: number, dir: string): string {
  const generated = demoWorkspace(dir, persons, { seed })
  console.log(
    `demo seed ${seed}: ${fmt(persons)} persons → ${fmt(generated.records)} records (generated and imported in ${(generated.ms / 1000).toFixed(1)} s)`,
  )
  return generated.db
}

function median(runs: number, work: () => void): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    work()
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]
}

const persons = Number(process.env.BENCH_ANOMALY_PERSONS ?? 1_000_000)
const seeds = (process.env.BENCH_ANOMALY_SEEDS ?? '2,3')
  .split(',')
  .map((s) => s.trim())
  .filter((s) => s !== '')
  .map(Number)
const seedPersons = Number(process.env.BENCH_ANOMALY_SEED_PERSONS ?? persons)
const seedDbs = (process.env.BENCH_ANOMALY_SEED_DBS ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter((s) => s !== '')
const temp: string[] = []
const quality: Quality = {
  anomalies: 0,
  found: 0,
  missed: [],
  verdicts: { direct: 0, ancestor: 0, consequence: 0, trend: 0, unexplained: 0 },
  unexplained: new Map(),
  perProvince: [],
}

try {
  let dbPath = process.env.BENCH_ANOMALY_DB
  let manifestDir = process.env.BENCH_ANOMALY_MANIFEST
    ? path.dirname(process.env.BENCH_ANOMALY_MANIFEST)
    : dbPath
      ? path.join(`${dbPath.replace(/\.db$/, '')}-files`, 'demo')
      : ''
  if (!dbPath) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-anomaly-bench-'))
    temp.push(dir)
    dbPath = generate(persons, 1, dir)
    manifestDir = path.join(dir, 'demo')
  }
  const mainManifest = readManifest(manifestDir)

  // ----- Speed: the detectors over 40 indicators × all units × 36 months -----
  let db = openWorkspace(dbPath)
  const all = listIndicators(db)
  const forty = all.slice(0, 40).map((d) => d.id)
  const units = db.prepare('SELECT count(*) FROM units').pluck().get() as number
  const probe = new AnomalyScan(db, { today, from: 0, to: 2100 * 12 })
  const last = probe.coverage!.last
  const first = last - 35
  const detectAll = () => {
    const scan = new AnomalyScan(db, { today, indicators: forty, from: first - 60, to: last })
    let candidates = 0
    for (let m = first; m <= last; m++) candidates += detectPeriod(scan, { from: m, to: m }).candidates.length
    return candidates
  }
  db.close()
  db = openWorkspace(dbPath)
  const started = performance.now()
  const candidates = detectAll()
  console.log(
    `all detectors (升降, 空白, 离群, 季节异常), 40 indicators × ${units} units × 36 months (${monthKey(first)}…${monthKey(last)}), ` +
      `first run on a fresh connection (pre-aggregates read from the workspace): ${ms(performance.now() - started)}`,
  )
  const warm = median(5, detectAll)
  console.log(
    `  warm: ${ms(warm)} (target ≤ 2 s) — ${fmt(40 * units * 36)} indicator × unit × month cells, ${fmt(candidates)} candidates`,
  )
  // The quarter of the first injected change: a period with warnings whose causes the list names.
  const change = mainManifest.anomalies.find((a) => a.kind === 'change')
  const changed = change ? truthOf(change).window.from : last
  const quarterStart = changed - (changed % 3)
  const period = periodOfWindow({ from: quarterStart, to: quarterStart + 2 }).text
  const listArgs = {
    period,
    minSeverity: 'low' as const,
    includeAcknowledged: false,
    includeSuppressed: false,
    causes: true,
    limit: 2000,
  }
  listAnomalies(db, listArgs, today)
  const list = median(3, () => listAnomalies(db, listArgs, today))
  const listed = listAnomalies(db, listArgs, today)
  console.log(
    `anomaly/list ${period}, all ${all.length} indicators × ${units} units, naming the main cause of each change: ${ms(list)} warm (${listed.warnings.length} warnings, ${listed.warnings.filter((w) => w.cause).length} with a named cause)`,
  )
  const noCauses = median(3, () => listAnomalies(db, { ...listArgs, causes: false }, today))
  console.log(`  without causes: ${ms(noCauses)}`)
  const city = db
    .prepare(`SELECT code FROM units WHERE level = 'city' ORDER BY code LIMIT 1`)
    .pluck()
    .get() as string
  for (const dimension of ['unit', 'charge', 'prosecutor', 'caseType'] as const) {
    const args = { indicator: '不诉率', unit: city, period, compareTo: 'yoy' as const, dimension, limit: 10 }
    explainAnomaly(db, args, today)
    console.log(
      `anomaly/explain 不诉率 ${city} ${period} 同比 by ${dimension}: ${ms(median(5, () => explainAnomaly(db, args, today)))}`,
    )
  }
  const forecastArgs = {
    indicator: '审查起诉受理人数',
    unit: city,
    months: 6,
    history: 24,
    method: 'seasonalMean' as const,
    level: 0.95,
  }
  console.log(`anomaly/forecast 6 months: ${ms(median(5, () => forecastAnomaly(db, forecastArgs, today)))}`)

  // ----- Quality: recall and precision against the manifests -----
  evaluate(db, mainManifest, quality)
  db.close()
  const others: { db: string; manifest: string }[] = seedDbs.map((file) => ({
    db: file,
    manifest: path.join(`${file.replace(/\.db$/, '')}-files`, 'demo'),
  }))
  if (seedDbs.length === 0)
    for (const seed of seeds) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `yanpan-anomaly-bench-${seed}-`))
      temp.push(dir)
      others.push({ db: generate(seedPersons, seed, dir), manifest: path.join(dir, 'demo') })
    }
  for (const other of others) {
    const otherDb = openWorkspace(other.db)
    evaluate(otherDb, readManifest(other.manifest), quality)
    otherDb.close()
  }
  const v = quality.verdicts
  const total = v.direct + v.ancestor + v.consequence + v.trend + v.unexplained
  console.log(
    `\nquality against the injected anomalies (${quality.anomalies} in ${1 + others.length} demo provinces), all ${all.length} library indicators, every covered month and quarter, default thresholds:`,
  )
  console.log(quality.perProvince.join('\n'))
  console.log(
    `  recall ${pct(quality.found / quality.anomalies)} (${quality.found}/${quality.anomalies}; target ≥ 90%): an injected anomaly counts as found when a warning` +
      ` names its unit, its indicator and a period overlapping it, of kind 升降/季节异常 for a change, 空白 for a blank month, 离群 for an outlying quarter` +
      (quality.missed.length > 0 ? `\n  missed: ${quality.missed.join('; ')}` : ''),
  )
  console.log(`  ${fmt(total)} warnings, each classified by what explains it:`)
  console.log(
    `    ${fmt(v.direct)} on an injected unit and ${fmt(v.ancestor)} on one of its 上级院, each on an indicator of the injected flow or decision` +
      ` (受理 counts; the 不起诉 decision; 认罪认罚 and what follows it), of a compatible kind (a blank month is also a fall, an outlying quarter` +
      ` also a break), in an overlapping period`,
  )
  console.log(
    `    ${fmt(v.consequence)} on an injected unit within ${AFTERMATH} months after the anomaly, on other indicators (its injected cases reaching 审结 and 批捕, the blank month's empty 审结)`,
  )
  console.log(
    `    ${fmt(v.trend)} on 省院/市院 不捕/不诉 rates moving the way the demo's designed yearly policy shift moves them (demo/rates.ts YEAR_SHIFTS): real changes, not injected`,
  )
  console.log(`    ${fmt(v.unexplained)} explained by nothing above`)
  console.log(
    `  precision ${pct((v.direct + v.ancestor + v.consequence) / total)} (target ≥ 80%): warnings on an injected anomaly or its consequences, of all warnings;` +
      ` strict (direct and 上级院 only) ${pct((v.direct + v.ancestor) / total)}; leaving the designed policy shift out of the count ${pct((v.direct + v.ancestor + v.consequence) / (total - v.trend))}`,
  )
  const top = [...quality.unexplained].sort((a, b) => b[1] - a[1]).slice(0, 12)
  if (top.length > 0)
    console.log(`  the unexplained, most frequent first: ${top.map(([k, n]) => `${k} ×${n}`).join(', ')}`)
} finally {
  for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true })
}
