/**
 * Root cause of a change (归因): how much each part — a subordinate unit, a 案由, a 承办检察官, a case
 * type — contributed to the change of an indicator between two windows.
 *
 * Ratios (rate = Σ numerator / Σ denominator): the standard shift-share decomposition with midpoint
 * weights, exact without a residual:
 *   Δrate = Σ_g Δs_g · (r0_g + r1_g) / 2   (mix effect: the part's share of the denominator moved)
 *         + Σ_g Δr_g · (s0_g + s1_g) / 2   (rate effect: the part's own rate moved)
 * where s_g = denominator_g / denominator and r_g = numerator_g / denominator_g. A part absent in one
 * window takes its other window's rate, so it contributes through the mix only.
 * Counts (and sums): each part's plain difference; they add up to the total change.
 */

export interface PartFigures {
  key: string
  label: string
  /** Numerator and denominator before (comparison window) and after (current window). For counts the denominator is null. */
  before: { numerator: number; denominator: number | null }
  after: { numerator: number; denominator: number | null }
}

export interface Contribution {
  key: string
  label: string
  /** Mix effect (ratios), in display units; null for counts. */
  mix: number | null
  /** Rate effect (ratios), in display units; null for counts. */
  rate: number | null
  /** mix + rate (ratios) or the part's difference (counts), in display units. */
  total: number
  /** total / the whole change (1 = all of it; negative: it worked against the change); null when the change is 0. */
  share: number | null
  before: { value: number | null; numerator: number; denominator: number | null; weight: number | null }
  after: { value: number | null; numerator: number; denominator: number | null; weight: number | null }
}

export interface Decomposition {
  method: 'shiftShare' | 'difference'
  before: number | null
  after: number | null
  /** after − before, in display units. */
  change: number | null
  contributions: Contribution[]
}

/** Shift-share decomposition of a ratio × `scale` (100 for %). */
export function shiftShare(parts: readonly PartFigures[], scale: number): Decomposition {
  const n0 = parts.reduce((sum, p) => sum + (p.before.denominator ?? 0), 0)
  const n1 = parts.reduce((sum, p) => sum + (p.after.denominator ?? 0), 0)
  const a0 = parts.reduce((sum, p) => sum + p.before.numerator, 0)
  const a1 = parts.reduce((sum, p) => sum + p.after.numerator, 0)
  const before = n0 > 0 ? (a0 / n0) * scale : null
  const after = n1 > 0 ? (a1 / n1) * scale : null
  const change = before === null || after === null ? null : after - before
  const contributions = parts.map((p): Contribution => {
    const d0 = p.before.denominator ?? 0
    const d1 = p.after.denominator ?? 0
    const s0 = n0 > 0 ? d0 / n0 : 0
    const s1 = n1 > 0 ? d1 / n1 : 0
    let r0 = d0 > 0 ? p.before.numerator / d0 : null
    let r1 = d1 > 0 ? p.after.numerator / d1 : null
    r0 ??= r1 ?? 0
    r1 ??= r0
    // With one window empty as a whole there is nothing to decompose: the change is undefined.
    const mix = change === null ? 0 : (s1 - s0) * ((r0 + r1) / 2) * scale
    const rate = change === null ? 0 : (r1 - r0) * ((s0 + s1) / 2) * scale
    const total = mix + rate
    return {
      key: p.key,
      label: p.label,
      mix,
      rate,
      total,
      share: change === null || change === 0 ? null : total / change,
      before: {
        value: d0 > 0 ? (p.before.numerator / d0) * scale : null,
        numerator: p.before.numerator,
        denominator: d0,
        weight: n0 > 0 ? s0 : null,
      },
      after: {
        value: d1 > 0 ? (p.after.numerator / d1) * scale : null,
        numerator: p.after.numerator,
        denominator: d1,
        weight: n1 > 0 ? s1 : null,
      },
    }
  })
  return { method: 'shiftShare', before, after, change, contributions }
}

/** Plain contributions of the parts of a count (or sum): after − before each. */
export function countContributions(parts: readonly PartFigures[]): Decomposition {
  const before = parts.reduce((sum, p) => sum + p.before.numerator, 0)
  const after = parts.reduce((sum, p) => sum + p.after.numerator, 0)
  const change = after - before
  const contributions = parts.map((p): Contribution => {
    const total = p.after.numerator - p.before.numerator
    return {
      key: p.key,
      label: p.label,
      mix: null,
      rate: null,
      total,
      share: change === 0 ? null : total / change,
      before: {
        value: p.before.numerator,
        numerator: p.before.numerator,
        denominator: null,
        weight: before > 0 ? p.before.numerator / before : null,
      },
      after: {
        value: p.after.numerator,
        numerator: p.after.numerator,
        denominator: null,
        weight: after > 0 ? p.after.numerator / after : null,
      },
    }
  })
  return { method: 'difference', before, after, change, contributions }
}

/**
 * The largest contributions first (by |total|), the rest folded into one part labelled `otherLabel`
 * (null when nothing is left over).
 */
export function rankContributions(
  contributions: readonly Contribution[],
  limit: number,
  otherLabel = '其他',
): { top: Contribution[]; other: Contribution | null } {
  const sorted = [...contributions].sort(
    (a, b) => Math.abs(b.total) - Math.abs(a.total) || a.label.localeCompare(b.label, 'zh-CN'),
  )
  const top = sorted.slice(0, limit)
  const rest = sorted.slice(limit)
  if (rest.length === 0) return { top, other: null }
  const sum = (pick: (c: Contribution) => number | null) =>
    rest.some((c) => pick(c) === null) ? null : rest.reduce((s, c) => s + pick(c)!, 0)
  const total = rest.reduce((s, c) => s + c.total, 0)
  const shares = rest.map((c) => c.share)
  const add = (pick: (c: Contribution['before']) => number | null) =>
    rest.reduce((s, c) => s + (pick(c.before) ?? 0), 0)
  const addAfter = (pick: (c: Contribution['after']) => number | null) =>
    rest.reduce((s, c) => s + (pick(c.after) ?? 0), 0)
  return {
    top,
    other: {
      key: '__other__',
      label: `${otherLabel}（${rest.length}项）`,
      mix: sum((c) => c.mix),
      rate: sum((c) => c.rate),
      total,
      share: shares.some((s) => s === null) ? null : shares.reduce<number>((a, c) => a + (c ?? 0), 0),
      before: {
        value: null,
        numerator: add((b) => b.numerator),
        denominator: rest.every((c) => c.before.denominator === null) ? null : add((b) => b.denominator),
        weight: add((b) => b.weight),
      },
      after: {
        value: null,
        numerator: addAfter((a) => a.numerator),
        denominator: rest.every((c) => c.after.denominator === null) ? null : addAfter((a) => a.denominator),
        weight: addAfter((a) => a.weight),
      },
    },
  }
}

export interface WaterfallStep {
  label: string
  /** start: the comparison value; delta: one part's contribution; end: the current value. */
  kind: 'start' | 'delta' | 'end'
  /** The bar spans from → to (a delta's from is the running total before it). */
  from: number
  to: number
  /** to − from for deltas; the value itself for start and end. */
  value: number
}

/** Waterfall bars: the comparison value, each contribution in order, the current value. */
export function waterfall(
  before: number,
  after: number,
  items: readonly Pick<Contribution, 'label' | 'total'>[],
  labels: { start: string; end: string },
): WaterfallStep[] {
  const steps: WaterfallStep[] = [{ label: labels.start, kind: 'start', from: 0, to: before, value: before }]
  let running = before
  for (const item of items) {
    steps.push({
      label: item.label,
      kind: 'delta',
      from: running,
      to: running + item.total,
      value: item.total,
    })
    running += item.total
  }
  steps.push({ label: labels.end, kind: 'end', from: 0, to: after, value: after })
  return steps
}
