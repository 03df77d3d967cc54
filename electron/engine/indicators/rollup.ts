/**
 * Window sums of a measure's aggregates for every unit of the hierarchy, in O(1) per figure: each
 * unit's monthly n and s, rolled up to every unit that includes it, as prefix sums over the months.
 * Built once per aggregate and hierarchy (a dashboard reads thousands of windows from them).
 */
import type { Window } from '../../../shared/indicators/period.ts'
import type { MeasureAggregate } from './aggregates.ts'
import type { Hierarchy } from './hierarchy.ts'

interface Prefix {
  n: Float64Array
  s: Float64Array
}

export interface Rolled {
  first: number
  last: number
  rolled: Map<string, Prefix>
  own: Map<string, Prefix>
}

const cache = new WeakMap<MeasureAggregate, { signature: string; rolled: Rolled }>()

export function rolledUp(aggregate: MeasureAggregate, hierarchy: Hierarchy): Rolled {
  const cached = cache.get(aggregate)
  if (cached?.signature === hierarchy.signature) return cached.rolled
  let first = Infinity
  let last = -Infinity
  for (const months of aggregate.cells.values())
    for (const month of months.keys()) {
      first = Math.min(first, month)
      last = Math.max(last, month)
    }
  if (first > last) first = last = 0
  const length = last - first + 1
  const rolledSums = new Map<string, { n: Float64Array; s: Float64Array }>()
  const ownSums = new Map<string, { n: Float64Array; s: Float64Array }>()
  const sums = (map: typeof rolledSums, code: string) => {
    let entry = map.get(code)
    if (!entry) map.set(code, (entry = { n: new Float64Array(length), s: new Float64Array(length) }))
    return entry
  }
  for (const [unit, months] of aggregate.cells) {
    const targets = hierarchy.includers(unit).map((code) => sums(rolledSums, code))
    const own = sums(ownSums, unit)
    for (const [month, { n, s }] of months) {
      const i = month - first
      own.n[i] += n
      own.s[i] += s
      for (const t of targets) {
        t.n[i] += n
        t.s[i] += s
      }
    }
  }
  const prefix = (map: typeof rolledSums) => {
    const out = new Map<string, Prefix>()
    for (const [code, { n, s }] of map) {
      const pn = new Float64Array(length + 1)
      const ps = new Float64Array(length + 1)
      for (let i = 0; i < length; i++) {
        pn[i + 1] = pn[i] + n[i]
        ps[i + 1] = ps[i] + s[i]
      }
      out.set(code, { n: pn, s: ps })
    }
    return out
  }
  const rolled: Rolled = { first, last, rolled: prefix(rolledSums), own: prefix(ownSums) }
  cache.set(aggregate, { signature: hierarchy.signature, rolled })
  return rolled
}

/** n and s of a unit over a window (months outside the data count as zero). */
export function windowSum(r: Rolled, unit: string, own: boolean, w: Window): { n: number; s: number } {
  const prefix = (own ? r.own : r.rolled).get(unit)
  if (!prefix) return { n: 0, s: 0 }
  const length = prefix.n.length - 1
  const from = Math.max(0, w.from - r.first)
  const to = Math.min(length - 1, w.to - r.first)
  if (to < from) return { n: 0, s: 0 }
  return { n: prefix.n[to + 1] - prefix.n[from], s: prefix.s[to + 1] - prefix.s[from] }
}

interface ValuePrefix {
  /** Distinct values, ascending, and per value the prefix sums of its counts over the months. */
  values: number[]
  prefix: Float64Array[]
}

export interface RolledHistogram {
  first: number
  length: number
  rolled: Map<string, ValuePrefix>
  own: Map<string, ValuePrefix>
}

const histogramCache = new WeakMap<MeasureAggregate, { signature: string; rolled: RolledHistogram }>()

/** A median measure's value counts rolled up the hierarchy, as prefix sums per value. */
export function rolledHistogram(aggregate: MeasureAggregate, hierarchy: Hierarchy): RolledHistogram {
  const cached = histogramCache.get(aggregate)
  if (cached?.signature === hierarchy.signature) return cached.rolled
  let first = Infinity
  let last = -Infinity
  for (const months of aggregate.values.values())
    for (const month of months.keys()) {
      first = Math.min(first, month)
      last = Math.max(last, month)
    }
  if (first > last) first = last = 0
  const length = last - first + 1
  type Counts = Map<number, Float64Array>
  const rolledCounts = new Map<string, Counts>()
  const ownCounts = new Map<string, Counts>()
  const countsOf = (map: Map<string, Counts>, code: string, value: number) => {
    let byValue = map.get(code)
    if (!byValue) map.set(code, (byValue = new Map()))
    let counts = byValue.get(value)
    if (!counts) byValue.set(value, (counts = new Float64Array(length)))
    return counts
  }
  for (const [unit, months] of aggregate.values) {
    const targets = hierarchy.includers(unit)
    for (const [month, counts] of months)
      for (const [value, n] of counts) {
        const i = month - first
        countsOf(ownCounts, unit, value)[i] += n
        for (const t of targets) countsOf(rolledCounts, t, value)[i] += n
      }
  }
  const prefix = (map: Map<string, Counts>) => {
    const out = new Map<string, ValuePrefix>()
    for (const [code, byValue] of map) {
      const values = [...byValue.keys()].sort((a, b) => a - b)
      out.set(code, {
        values,
        prefix: values.map((v) => {
          const counts = byValue.get(v)!
          const p = new Float64Array(length + 1)
          for (let i = 0; i < length; i++) p[i + 1] = p[i] + counts[i]
          return p
        }),
      })
    }
    return out
  }
  const rolled: RolledHistogram = { first, length, rolled: prefix(rolledCounts), own: prefix(ownCounts) }
  histogramCache.set(aggregate, { signature: hierarchy.signature, rolled })
  return rolled
}

/** Median of the values a unit's records have in a window (the mean of the middle two for an even count). */
export function windowMedian(r: RolledHistogram, unit: string, own: boolean, w: Window): number | null {
  const entry = (own ? r.own : r.rolled).get(unit)
  if (!entry) return null
  const from = Math.max(0, w.from - r.first)
  const to = Math.min(r.length - 1, w.to - r.first)
  if (to < from) return null
  const counts = entry.prefix.map((p) => p[to + 1] - p[from])
  const total = counts.reduce((a, b) => a + b, 0)
  if (total === 0) return null
  // 1-based positions of the middle record(s).
  const lower = Math.floor((total + 1) / 2)
  const upper = Math.floor(total / 2) + 1
  let seen = 0
  let low: number | null = null
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i]
    if (low === null && seen >= lower) low = entry.values[i]
    if (seen >= upper) return ((low ?? entry.values[i]) + entry.values[i]) / 2
  }
  return low
}
