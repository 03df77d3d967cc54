/**
 * indicator/validate and indicator/preview: an unsaved definition checked, and computed for one unit
 * and period as if it were saved (the builder's live preview).
 */
import type { IndicatorResult, ValidationProblem } from '../../../shared/ipc/indicator-contract.ts'
import type { Db } from '../store/database.ts'
import { computeWith } from './compute.ts'
import { listIndicators } from './library.ts'
import { validateDefinition } from './validate.ts'

export function validateIndicator(db: Db, raw: unknown, today: string): { problems: ValidationProblem[] } {
  return { problems: validateDefinition(db, raw, listIndicators(db), today).problems }
}

export function previewIndicator(
  db: Db,
  args: { definition: unknown; unit: string; period: string; own: boolean; excludeFlagged: boolean },
  today: string,
): { problems: ValidationProblem[]; result: IndicatorResult | null } {
  const others = listIndicators(db)
  const { definition, problems } = validateDefinition(db, args.definition, others, today)
  if (!definition || problems.length > 0) return { problems, result: null }
  const summary = { ...definition, effectiveDirection: definition.direction, directionOverridden: false }
  const all = [...others.filter((d) => d.id !== definition.id), summary]
  const computed = computeWith(
    db,
    all,
    {
      period: args.period,
      indicators: [definition.id],
      units: [args.unit],
      own: args.own,
      excludeFlagged: args.excludeFlagged,
      withClean: false,
    },
    today,
  )
  return { problems: [], result: computed.results[0] ?? null }
}
