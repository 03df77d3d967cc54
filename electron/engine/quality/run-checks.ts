/**
 * A data-quality run (数据质量核查): compiles the enabled rules (or the chosen ones) for the datasets,
 * works out per rule and dataset whether every record needs checking or only what a re-import
 * touched (run-state.ts), evaluates the checks that share a source in one pass each (scan.ts),
 * and brings the stored flags in line (reconcile.ts). One write transaction: a run is all or nothing.
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
import { checkFingerprint, datasetChanges, ruleState, saveDatasetState, saveRuleState, type DatasetChanges } from './run-state.ts'
import { listRules } from './rule-store.ts'
import { scanHits } from './scan.ts'
import { sourceKey, sourceOf, withSource, type Scope } from './sources.ts'
import { loadTargets } from './targets.ts'

export interface RunOptions {
  /** Rule ids to run (even if disabled); default every enabled rule. */
  rules?: readonly string[]
  today: string
  now: string
}

interface Job {
  check: CompiledCheck
  hash: string
  /** null: every record; else the changed records. */
  scope: Scope | null
}

export function chooseRules(db: Db, ids: readonly string[] | undefined): Rule[] {
  const rules = listRules(db)
  if (ids === undefined) return rules.filter((rule) => rule.enabled)
  const byId = new Map(rules.map((rule) => [rule.id, rule]))
  const unknown = ids.filter((id) => !byId.has(id))
  if (unknown.length > 0) throw new EngineError('NOT_FOUND', `规则 ${unknown.join('、')} 不存在。`)
  return ids.map((id) => byId.get(id)!)
}

/** Whether a check must look at every record, else which changed records it must re-check. */
function jobFor(db: Db, check: CompiledCheck, changes: Map<number, DatasetChanges>, today: string): Job | null {
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

export function runChecks(db: Db, options: RunOptions): RunSummary {
  const started = performance.now()
  const rules = chooseRules(db, options.rules)
  return db
    .transaction(() => {
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
      const context = { today: options.today }
      const groups = new Map<string, Job[]>()
      for (const job of jobs) {
        const key = `${sourceKey(job.check)}|${job.scope ? 'scoped' : 'full'}`
        groups.set(key, [...(groups.get(key) ?? []), job])
      }
      let added = 0
      let rectified = 0
      const rechecked = new Map<number, Set<string>>()
      for (const group of groups.values()) {
        const checks = group.map((job) => job.check)
        const scope = group[0].scope
        const source = sourceOf(db, checks, scope)
        const hits = scanHits(db, checks, source, context)
        const keys = scope ? universeKeys(db, source) : null
        for (const job of group) {
          const details = hitDetails(db, job.check, hits.get(job.check)!, context)
          const result = reconcile(db, job.check, details, keys, options.now)
          added += result.added
          rectified += result.rectified
          saveRuleState(db, job.check.rule.id, job.check.target.id, job.hash, options.today, options.now)
        }
        const seen = rechecked.get(checks[0].target.id) ?? new Set()
        if (keys === null) seen.add('*')
        else for (const key of keys) seen.add(key)
        rechecked.set(checks[0].target.id, seen)
      }
      for (const job of unchanged) saveRuleState(db, job.check.rule.id, job.check.target.id, job.hash, options.today, options.now)
      for (const target of targets) saveDatasetState(db, target.id, changes.get(target.id)!.batches, options.now)

      const involved = targets.filter((t) => plan.checks.some((c) => c.target.id === t.id))
      const records = involved.reduce((sum, t) => sum + currentRecords(db, t.id), 0)
      const summary: RunSummary = {
        rules: new Set(plan.checks.map((c) => c.rule.id)).size,
        records,
        rechecked: [...rechecked].reduce((sum, [id, keys]) => sum + (keys.has('*') ? currentRecords(db, id) : keys.size), 0),
        flags: activeFlags(db, [...new Set(plan.checks.map((c) => c.rule.id))]),
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

/** Record keys a scoped evaluation looked at: the flags it may rectify. */
function universeKeys(db: Db, source: ReturnType<typeof sourceOf>): string[] {
  const universe = source.universe ?? source
  const q = sql`SELECT DISTINCT ${fragment(RECORD_KEY)} FROM ${fragment(universe.from)} WHERE ${fragment(universe.where)}`
  return withSource(db, source, () => db.prepare(q.text).pluck().all(...q.values) as string[])
}

function currentRecords(db: Db, datasetId: number): number {
  return get<{ n: number }>(db, sql`SELECT count(*) AS n FROM ${ident(recordsTable(datasetId))} WHERE _superseded_by IS NULL`)!.n
}

/** Flags still to act on (待核查, 已确认) of the given rules. */
function activeFlags(db: Db, rules: readonly string[]): number {
  return get<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM quality_flags WHERE status IN ('open', 'confirmed')
        AND rule_id IN (SELECT value FROM json_each(${JSON.stringify(rules)}))`,
  )!.n
}
