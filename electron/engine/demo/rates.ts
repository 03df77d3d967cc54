/**
 * Decision rates of the demo province and of each unit. Province targets follow the national
 * figures (../shared/domain/figures.md): 不捕率 ≈ 34–35 % (2024–2025), 不诉率 ≈ 20–22 %, 认罪认罚
 * ≈ 87 % of 审结 persons, 确定刑 ≈ 90 % of recommendations, 采纳 ≈ 95 %. Each unit draws its own
 * logit offsets around them (unit heterogeneity), charges shift them (resources/demo), 2022–2023
 * lean lenient and 2024–2025 stricter (the post-2023 "高质效" turn), and intercepts are solved so the
 * province-wide mix lands on the targets.
 */
import type { Charge } from './distributions.ts'
import type { DemoUnit } from './hierarchy.ts'
import { logistic, logit, type Random } from './random.ts'

export const TARGETS = {
  refuse: 0.35,
  drop: 0.21,
  plea: 0.885,
  fixed: 0.9,
  adopted: 0.95,
  fastTrack: 0.5,
  returned: 0.05,
}

/** Year shifts (logit) of 不捕 and 不诉: 2022 was the peak of 少捕慎诉 (不捕率 43.4 %, 不诉率 26.3 %). */
const YEAR_SHIFTS: Record<number, { refuse: number; drop: number }> = {
  2022: { refuse: 0.25, drop: 0.2 },
  2023: { refuse: 0.15, drop: 0.1 },
  2024: { refuse: -0.1, drop: -0.1 },
  2025: { refuse: -0.2, drop: -0.15 },
}

/** Logit offsets of one unit. */
export interface UnitRates {
  refuse: number
  drop: number
  plea: number
  fixed: number
  adopted: number
  fastTrack: number
  returned: number
  arrest: number
}

const SIGMAS: UnitRates = {
  refuse: 0.35,
  drop: 0.35,
  plea: 0.45,
  fixed: 0.5,
  adopted: 0.5,
  fastTrack: 0.5,
  returned: 0.4,
  arrest: 0.3,
}

export function drawUnitRates(random: Random, units: DemoUnit[]): UnitRates[] {
  return units.map(() => {
    const rates = {} as UnitRates
    for (const key of Object.keys(SIGMAS) as (keyof UnitRates)[]) rates[key] = random.normal() * SIGMAS[key]
    return rates
  })
}

export interface Intercepts {
  refuse: number
  drop: number
  plea: number
  fixed: number
  adopted: number
  fastTrack: number
  returned: number
}

/**
 * Intercepts such that the suspect-weighted mean over charges and units hits each target. Bisection
 * on a monotone function; unit weights are their caseload sizes.
 */
export function calibrate(charges: Charge[], units: DemoUnit[], rates: UnitRates[]): Intercepts {
  const counties = units.filter((u) => u.size > 0)
  const unitTerms = (key: keyof UnitRates) =>
    counties.map((u) => ({ weight: u.size, shift: rates[u.index][key] }))
  const arrested = charges.map((c) => ({ weight: c.weight * c.arrest, shift: c.refuse }))
  const all = (key: 'drop' | 'plea') => charges.map((c) => ({ weight: c.weight, shift: c[key] }))
  const flat = [{ weight: 1, shift: 0 }]
  return {
    refuse: solve(TARGETS.refuse, arrested, unitTerms('refuse')),
    drop: solve(TARGETS.drop, all('drop'), unitTerms('drop')),
    plea: solve(TARGETS.plea, all('plea'), unitTerms('plea')),
    fixed: solve(TARGETS.fixed, flat, unitTerms('fixed')),
    adopted: solve(TARGETS.adopted, flat, unitTerms('adopted')),
    fastTrack: solve(TARGETS.fastTrack, flat, unitTerms('fastTrack')),
    returned: solve(TARGETS.returned, flat, unitTerms('returned')),
  }
}

interface Term {
  weight: number
  shift: number
}

function solve(target: number, items: Term[], unitTerms: Term[]): number {
  const itemTotal = items.reduce((s, t) => s + t.weight, 0)
  const unitTotal = unitTerms.reduce((s, t) => s + t.weight, 0)
  const mean = (b: number) => {
    let sum = 0
    for (const item of items)
      for (const unit of unitTerms) sum += item.weight * unit.weight * logistic(b + item.shift + unit.shift)
    return sum / (itemTotal * unitTotal)
  }
  let lo = logit(target) - 6
  let hi = logit(target) + 6
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2
    if (mean(mid) < target) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

export function yearShift(year: number, key: 'refuse' | 'drop'): number {
  return YEAR_SHIFTS[year]?.[key] ?? 0
}
