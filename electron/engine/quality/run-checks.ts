/**
 * A data-quality run (数据质量核查): compiles the enabled rules (or the chosen ones) for the datasets,
 * works out per rule and dataset whether every record needs checking or only what a re-import
 * touched (run-state.ts), evaluates the checks that share a source in one pass each (scan.ts) — the
 * full passes of a large workspace on several threads (scan-pool.ts) — and then, in one write
 * transaction, brings the stored flags in line (reconcile.ts) and records what was checked.
 */
import type { RunSummary } from '../../../shared/ipc/quality-contract.ts'
import type { Rule } from '../../../shared/quality/rule.ts'
import { audit } from '../audit/audit-log.ts'
import { recordsTable } from '../datasets/records-table.ts'
import { EngineError } from '../errors.ts'
import { get, run, type Db } from '../store/database.ts'
import { fragment, ident, sql } from '../store/sql.ts'
import type { CompiledCheck } from './compile-rule.ts'
import { hitDetails, RECORD_KEY } from './details.ts'
import { planChecks } from './plan.ts'
import { reconcile } from './reconcile.ts'
import {
  checkFingerprint,
  datasetChanges,
  ruleState,
  saveDatasetState,
  saveRuleState,
  type DatasetChanges,
} from './run-state.ts'
import { listRules } from './rule-store.ts'
import type { ScanJob } from './scan-messages.ts'
import { runScanJobs, scanThreads } from './scan-pool.ts'
import { hitsFromRows, runScan, scanStatement } from './scan.ts'
import { ensureIndexes, sourceKey, sourceOf, type Scope, type Source } from './sources.ts'
import { loadTargets } from './targets.ts'

export interface RunOptions {
  /** Rule ids to run (even if disabled); default every enabled rule. */
  rules?: readonly string[]
  today: string
  now: string
  /** The workspace file, for scan threads; without it (or for ':memory:') everything runs here. */
  dbPath?: string
  /** Scan threads for the full passes (default: the cores, up to four; 1 = this thread only). */
  threads?: number
  /** Records to scan in full below which everything runs in this thread (default 200 000). */
  threadedMinimum?: number
}

interface Job {
  check: CompiledCheck
  hash: string
  /** null: every record; else the changed records. */
  scope: Scope | null
}

interface Group {
  jobs: Job[]
  checks: CompiledCheck[]
  scope: Scope | null
  source: Source
  /** Scan results when the scan ran before the transaction (threads). */
  hits?: Map<CompiledCheck, number[]>
}

/** Below this many records to scan in full, starting threads costs more than it saves. */
const THREADED_MINIMUM = 200_000

const running = new WeakSet<Db>()

export function chooseRules(db: Db, ids: readonly string[] | undefined): Rule[] {
  const rules = listRules(db)
  if (ids === undefined) return rules.filter((rule) => rule.enabled)
  const byId = new Map(rules.map((rule) => [rule.id, rule]))
  const unknown = ids.filter((id) => !byId.has(id))
  if (unknown.length > 0) throw new EngineError('NOT_FOUND', `规则 ${unknown.join('、')} 不存在。`)
  return ids.map((id) => byId.get(id)!)
}

/** Whether a check must look at every record, else which changed records it must re-check. */
function jobFor(
  db: Db,
  check: CompiledCheck,
  changes: Map<number, DatasetChanges>,
  today: string,
): Job | null {
  const hash = checkFingerprint(check)
  const state = ruleState(db, check.rule.id, check.target.id)
  const own = changes.get(check.target.id)!
  const other = check.other ? changes.get(check.other.id)! : null
  const stale = !state || state.hash !== hash || (check.usesToday && state.today !== today)
  const fieldDuplicates = check.rule.form.type === 'duplicate' && check.duplicateColumns !== null
  const touched = own.ids.length > 0 || (other?.ids.length ?? 0) > 0
  if (stale || own.full || other?.full || (fieldDuplicates && touched)) return { check, hash, scope: null }
  if (!touched) return null
  return { check, hash, scope: { ids: own.ids, otherIds: other?.ids ?? [] } }
}

function currentRecords(db: Db, datasetId: number): number {
  return get<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM ${ident(recordsTable(datasetId))} WHERE _superseded_by IS NULL`,
  )!.n
}

/**
 * The full scans as jobs for the threads: first the build of the indexes the case and cross-stage
 * scans rely on (one thread builds them while the others scan rows), then the scans, largest first.
 * Row and cross-stage scans are cut into `_id` ranges so the threads share each table; case scans
 * stay whole (their aggregates are one GROUP BY over the group field's index).
 */
function threadedJobs(db: Db, groups: Group[], context: { today: string }, threads: number) {
  const indexes = new Map(groups.flatMap((g) => g.source.indexes).map((q) => [q.text, q]))
  const pieces: { group: Group | null; job: ScanJob; waits: boolean; size: number }[] = []
  for (const group of groups) {
    const target = group.checks[0].target
    const form = group.checks[0].rule.form.type
    const last =
      get<{ n: number | null }>(db, sql`SELECT max(_id) AS n FROM ${ident(recordsTable(target.id))}`)!.n ?? 0
    const parts = form === 'row' ? threads * 2 : form === 'crossStage' ? threads : 1
    const count = Math.max(1, Math.min(parts, Math.ceil(last / 100_000)))
    for (let i = 0; i < count; i++) {
      const range = [Math.floor((last * i) / count), Math.floor((last * (i + 1)) / count)] as const
      const source = count === 1 ? group.source : sourceOf(group.checks, null, range)
      const waits = source.indexes.length > 0
      const size = (last / count) * (group.checks.length + (form === 'case' ? 30 : 0))
      pieces.push({
        group,
        job: { type: 'scan', statement: scanStatement(group.checks, source, context) },
        waits,
        size,
      })
    }
  }
  pieces.sort((a, b) => b.size - a.size)
  if (indexes.size > 0)
    pieces.unshift({
      group: null,
      job: { type: 'exec', statements: [...indexes.values()] },
      waits: false,
      size: 0,
    })
  return pieces
}

export async function runChecks(db: Db, options: RunOptions): Promise<RunSummary> {
  if (running.has(db)) throw new EngineError('CONFLICT', '数据质量核查正在进行，请稍候再试。')
  running.add(db)
  try {
    return await runLocked(db, options)
  } finally {
    running.delete(db)
  }
}

async function runLocked(db: Db, options: RunOptions): Promise<RunSummary> {
  const started = performance.now()
  const rules = chooseRules(db, options.rules)
  const context = { today: options.today }
  const targets = loadTargets(db)
  const plan = planChecks(rules, targets)
  const changes = new Map(targets.map((t) => [t.id, datasetChanges(db, t.id)]))
  const jobs: Job[] = []
  const unchanged: Job[] = []
  for (const check of plan.checks) {
    const job = jobFor(db, check, changes, options.today)
    if (job) jobs.push(job)
    else unchanged.push({ check, hash: checkFingerprint(check), scope: null })
  }
  const byKey = new Map<string, Job[]>()
  for (const job of jobs) {
    const key = `${sourceKey(job.check)}|${job.scope ? 'scoped' : 'full'}`
    byKey.set(key, [...(byKey.get(key) ?? []), job])
  }
  const groups: Group[] = [...byKey.values()].map((group) => {
    const checks = group.map((job) => job.check)
    return { jobs: group, checks, scope: group[0].scope, source: sourceOf(checks, group[0].scope) }
  })

  const full = groups.filter((g) => g.scope === null)
  const threads = options.threads ?? scanThreads()
  const fullRecords = full.reduce((sum, g) => sum + currentRecords(db, g.checks[0].target.id), 0)
  const minimum = options.threadedMinimum ?? THREADED_MINIMUM
  if (
    options.dbPath &&
    options.dbPath !== ':memory:' &&
    threads > 1 &&
    full.length > 0 &&
    fullRecords >= minimum
  ) {
    const pieces = threadedJobs(db, full, context, threads)
    const results = await runScanJobs(options.dbPath, pieces, threads)
    for (const group of full) {
      group.hits = hitsFromRows(
        group.checks,
        pieces.flatMap((piece, i) => (piece.group === group ? results[i] : [])),
      )
    }
  }

  return db
    .transaction(() => {
      let added = 0
      let rectified = 0
      const rechecked = new Map<number, number>()
      for (const group of groups) {
        if (!group.hits) ensureIndexes(db, group.source)
        const hits =
          group.hits ??
          hitsFromRows(group.checks, runScan(db, scanStatement(group.checks, group.source, context)))
        const target = group.checks[0].target.id
        const looked = group.scope ? lookedAtKeys(db, group.source) : currentRecords(db, target)
        const keys = group.scope ? LOOKED_AT : null
        const results = group.jobs.map((job) => ({
          check: job.check,
          hits: hitDetails(db, job.check, hits.get(job.check)!, context),
        }))
        const result = reconcile(db, target, results, keys, options.now)
        added += result.added
        rectified += result.rectified
        for (const job of group.jobs)
          saveRuleState(db, job.check.rule.id, job.check.target.id, job.hash, options.today, options.now)
        // Case and cross-stage scopes contain the row scopes: the largest is what was looked at.
        rechecked.set(target, Math.max(rechecked.get(target) ?? 0, looked))
      }
      for (const job of unchanged)
        saveRuleState(db, job.check.rule.id, job.check.target.id, job.hash, options.today, options.now)
      for (const target of targets)
        saveDatasetState(db, target.id, changes.get(target.id)!.batches, options.now)

      const involved = targets.filter((t) => plan.checks.some((c) => c.target.id === t.id))
      const ruleIds = [...new Set(plan.checks.map((c) => c.rule.id))]
      const summary: RunSummary = {
        rules: ruleIds.length,
        records: involved.reduce((sum, t) => sum + currentRecords(db, t.id), 0),
        rechecked: [...rechecked.values()].reduce((sum, n) => sum + n, 0),
        flags: activeFlags(db, ruleIds),
        newFlags: added,
        rectified,
        skipped: plan.skipped,
        ms: Math.round(performance.now() - started),
      }
      run(db, sql`INSERT INTO quality_runs (at, summary) VALUES (${options.now}, ${JSON.stringify(summary)})`)
      audit(db, 'quality-run', options.rules ? options.rules.join(',') : '全部启用规则', summary)
      return summary
    })
    .immediate()
}

/** The record keys the last lookedAtKeys wrote, as a SELECT. */
const LOOKED_AT = sql`SELECT record_key FROM temp.quality_looked_at`

/**
 * Writes the record keys a scoped evaluation looked at (the flags it may rectify) to a temporary
 * table, so reconciling and counting them do not evaluate the scope twice; returns how many records.
 */
function lookedAtKeys(db: Db, source: Source): number {
  db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS quality_looked_at (record_key TEXT); DELETE FROM temp.quality_looked_at',
  )
  return run(
    db,
    sql`INSERT INTO temp.quality_looked_at (record_key)
        SELECT ${fragment(RECORD_KEY)} FROM ${fragment(source.universe.from)} WHERE ${fragment(source.universe.where)}`,
  ).changes
}

/** Flags still to act on (待核查, 已确认) of the given rules. */
function activeFlags(db: Db, rules: readonly string[]): number {
  return get<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM quality_flags WHERE status IN ('open', 'confirmed')
        AND rule_id IN (SELECT value FROM json_each(${JSON.stringify(rules)}))`,
  )!.n
}
