/**
 * What the flag grid shows, as the page keeps it (every dimension a list, empty = no restriction), and
 * its conversion to the contract's `FlagFilter`, which leaves out what does not restrict anything so
 * the engine never sees `rules: []` (would that mean "no rule"?) and exports name the real filter.
 */
import type { FlagFilter } from '../../../../shared/ipc/quality-contract.ts'
import type { FlagStatus, Severity } from '../../../../shared/quality/rule.ts'

export interface FlagFilterState {
  rules: string[]
  units: string[]
  prosecutors: string[]
  statuses: FlagStatus[]
  severities: Severity[]
  search: string
}

export const EMPTY_FILTER: FlagFilterState = {
  rules: [],
  units: [],
  prosecutors: [],
  statuses: [],
  severities: [],
  search: '',
}

/** The contract's search is capped at 200 characters. */
const MAX_SEARCH = 200

/**
 * @example toContractFilter({ ...EMPTY_FILTER, rules: ['R006'], search: ' 张 ' }) → { rules: ['R006'], search: '张' }
 */
export function toContractFilter(state: FlagFilterState): FlagFilter {
  const filter: FlagFilter = {}
  if (state.rules.length > 0) filter.rules = [...state.rules]
  if (state.units.length > 0) filter.units = [...state.units]
  if (state.prosecutors.length > 0) filter.prosecutors = [...state.prosecutors]
  if (state.statuses.length > 0) filter.statuses = [...state.statuses]
  if (state.severities.length > 0) filter.severities = [...state.severities]
  const search = state.search.trim().slice(0, MAX_SEARCH)
  if (search !== '') filter.search = search
  return filter
}

export const isFiltered = (state: FlagFilterState): boolean => Object.keys(toContractFilter(state)).length > 0

/**
 * The unit and prosecutor tables count within the other dimensions of the filter but not their own:
 * choosing 鼓楼区院 must not shrink the unit table to one row.
 */
export function statsFilter(state: FlagFilterState): FlagFilter {
  return toContractFilter({ ...state, units: [], prosecutors: [] })
}

/**
 * A click in the rule list or a stats table: a plain click shows only that value (or, when it is
 * already the only one, shows everything again); Ctrl/⌘/Shift-click adds or removes it.
 */
export function pickValue<T>(list: readonly T[], value: T, additive: boolean): T[] {
  if (additive) return toggleValue(list, value)
  return list.length === 1 && list[0] === value ? [] : [value]
}

/** Chip-style multi-select: adds a missing value, removes a present one; order of choice is kept. */
export function toggleValue<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value]
}

/** Two states ask for the same rows (the datasource is only rebuilt when they do not). */
export const sameFilter = (a: FlagFilterState, b: FlagFilterState): boolean =>
  JSON.stringify(toContractFilter(a)) === JSON.stringify(toContractFilter(b))
