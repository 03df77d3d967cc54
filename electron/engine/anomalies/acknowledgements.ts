/**
 * Acknowledged warnings (anomaly/acknowledge): the analyst's note on a warning, by (indicator, unit,
 * period, kind). The period is stored canonical ('2024Q3', never '2024-07..2024-09'), so the same
 * warning finds its note however the period was typed.
 */
import type { AnomalyKind } from '../../../shared/anomalies/model.ts'
import { periodOfWindow } from '../../../shared/indicators/period.ts'
import type { Acknowledgement, AnomalyResults } from '../../../shared/ipc/anomaly-contract.ts'
import { audit } from '../audit/audit-log.ts'
import { nowIso } from '../clock.ts'
import { EngineError } from '../errors.ts'
import { periodOrThrow, selectIndicators } from '../indicators/compute.ts'
import { listIndicators } from '../indicators/library.ts'
import { all, run, type Db } from '../store/database.ts'
import { sql } from '../store/sql.ts'
import { listUnits } from '../units/unit-store.ts'

export const ackKey = (indicator: string, unit: string, kind: string) => `${indicator}|${unit}|${kind}`

/** Acknowledgements of one period, by ackKey. */
export function acknowledgementsOf(db: Db, period: string): Map<string, Acknowledgement> {
  const rows = all<{
    indicator: string
    unit: string
    kind: string
    note: string
    reviewer: string | null
    acknowledged_at: string
  }>(
    db,
    sql`SELECT indicator, unit, kind, note, reviewer, acknowledged_at FROM anomaly_acknowledgements
        WHERE period = ${period}`,
  )
  return new Map(
    rows.map((r) => [
      ackKey(r.indicator, r.unit, r.kind),
      { note: r.note, reviewer: r.reviewer, at: r.acknowledged_at },
    ]),
  )
}

export function acknowledge(
  db: Db,
  args: {
    indicator: string
    unit: string
    period: string
    kind: AnomalyKind
    note: string
    reviewer?: string
    undo: boolean
  },
): AnomalyResults['anomaly/acknowledge'] {
  const [definition] = selectIndicators(listIndicators(db), [args.indicator])
  const period = periodOfWindow(periodOrThrow(args.period)).text
  const units = listUnits(db)
  if (units.length > 0 && !units.some((u) => u.code === args.unit))
    throw new EngineError('NOT_FOUND', `单位“${args.unit}”不在单位列表中。`)
  const key = { indicator: definition.id, unit: args.unit, period, kind: args.kind }
  if (args.undo) {
    db.transaction(() => {
      run(
        db,
        sql`DELETE FROM anomaly_acknowledgements WHERE indicator = ${key.indicator} AND unit = ${key.unit}
            AND period = ${period} AND kind = ${key.kind}`,
      )
      audit(db, 'anomaly.unacknowledge', `${key.indicator}|${key.unit}|${period}|${key.kind}`, {})
    })()
    return { ...key, acknowledged: null }
  }
  if (args.note.trim() === '')
    throw new EngineError('BAD_ARGUMENT', '请填写确认说明（例如：已核实，系集中移送所致）。')
  const at = nowIso()
  const reviewer = args.reviewer?.trim() || null
  db.transaction(() => {
    run(
      db,
      sql`INSERT INTO anomaly_acknowledgements (indicator, unit, period, kind, note, reviewer, acknowledged_at)
          VALUES (${key.indicator}, ${key.unit}, ${period}, ${key.kind}, ${args.note}, ${reviewer}, ${at})
          ON CONFLICT (indicator, unit, period, kind) DO UPDATE SET note = excluded.note,
            reviewer = excluded.reviewer, acknowledged_at = excluded.acknowledged_at`,
    )
    audit(db, 'anomaly.acknowledge', `${key.indicator}|${key.unit}|${period}|${key.kind}`, {
      note: args.note,
      reviewer,
    })
  })()
  return { ...key, acknowledged: { note: args.note, reviewer, at } }
}
