/**
 * The months the data covers, for the default period and the period picker's years: one indicator
 * computed for one unit (cheap) answers with the coverage. `known` turns true once the answer (or an
 * error, or the lack of any indicator) says no more is coming.
 */
import type { UnitSummary } from '../../../../shared/ipc/contract.ts'
import { useOptionalApiData } from '../indicators/useOptionalApiData.ts'
import { topUnit } from './reportSpec.ts'

export function useCoverage(
  probeIndicator: string | null,
  units: readonly UnitSummary[],
): { coverage: { first: string; last: string } | null; known: boolean } {
  const top = topUnit(units)
  const fallbackYear = `${new Date().getFullYear() - 1}`
  const probe = useOptionalApiData(
    'indicator/compute',
    probeIndicator === null || top === ''
      ? null
      : { period: fallbackYear, indicators: [probeIndicator], units: [top] },
  )
  return {
    coverage: probe.data?.coverage ?? null,
    known: probeIndicator === null || top === '' || probe.data !== undefined || probe.error !== undefined,
  }
}
