/**
 * 五、存在问题 drawn from the warning centre (异常预警): the period's current warnings for the report's
 * unit and its subordinate units (acknowledged and held-back ones left out), written as the warning
 * centre says them. The indicator-based sources still add what the detectors do not cover (small
 * moves the thresholds of a report block ask for, data-quality flags); a warning replaces their
 * sentence on the same indicator and unit.
 */
import { listAnomalies } from '../anomalies/list.ts'
import { EngineError } from '../errors.ts'
import type { Db } from '../store/database.ts'
import { DEFAULT_PROBLEM_SOURCES, type ProblemContext, type ProblemSource } from './problems.ts'
import type { ReportProblem } from './report-data.ts'

/** The warnings of the report's period and units as problems; none when the period has no data. */
function warningProblems(db: Db, context: ProblemContext, today: string): ReportProblem[] {
  const { data, scope } = context
  const wanted = new Set<string>()
  if (scope !== 'children') wanted.add(data.unit.code)
  if (scope !== 'report') for (const child of data.children) wanted.add(child.code)
  let warnings
  try {
    warnings = listAnomalies(
      db,
      {
        period: data.period.text,
        unit: data.unit.code,
        minSeverity: 'medium',
        includeAcknowledged: false,
        includeSuppressed: false,
        causes: true,
        limit: 200,
      },
      today,
    ).warnings
  } catch (error) {
    // A period outside the data, or no data at all: the report says so elsewhere.
    if (error instanceof EngineError) return []
    throw error
  }
  return warnings
    .filter((w) => wanted.has(w.unit))
    .map((w) => ({
      key: `anomaly:${w.indicator}:${w.unit}:${w.kind}`,
      kind: 'anomaly' as const,
      severity: w.severity,
      unit: w.unit,
      indicator: w.indicator,
      text: w.message.endsWith('。') ? w.message : `${w.message}。`,
      suggestion: null,
      weight: Math.abs(w.z ?? 1) * (w.unit === data.unit.code ? 1.5 : 1),
    }))
}

/** The default sources with the warning centre first. */
export function problemSourcesWithAnomalies(db: Db, today: string): readonly ProblemSource[] {
  const anomalies: ProblemSource = (context) => {
    const found = warningProblems(db, context, today)
    const covered = new Set(found.map((p) => `${p.indicator}|${p.unit}`))
    const others = DEFAULT_PROBLEM_SOURCES.flatMap((source) => source(context)).filter(
      (p) => p.kind === 'quality' || !covered.has(`${p.indicator}|${p.unit}`),
    )
    return [...found, ...others]
  }
  return [anomalies]
}
