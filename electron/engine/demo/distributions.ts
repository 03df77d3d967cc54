/**
 * The demo's charge mix and sentence distributions, read from resources/demo/distributions.json
 * (derived from the CAIL2018 sample and hand-set caseload shares: see the README next to it).
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { projectRoot } from '../project-root.ts'
import { Weighted, type Random } from './random.ts'

const termSchema = z.object({
  source: z.string(),
  cases: z.number(),
  months: z.array(z.tuple([z.number().int().positive(), z.number().int().positive()])),
  life: z.number().int(),
  fineShare: z.number().min(0).max(1),
  fineWan: z.array(z.number().nonnegative()).length(5).nullable(),
})
const chargeSchema = z.object({
  name: z.string(),
  weight: z.number().nonnegative(),
  line: z.enum(['ordinary', 'serious', 'economic', 'duty']),
  arrest: z.number().min(0).max(1),
  city: z.number().min(0).max(1),
  juvenile: z.number().min(0).max(1),
  female: z.number().min(0).max(1),
  age: z.number().positive(),
  prior: z.number().min(0).max(1),
  online: z.number().min(0).max(1),
  single: z.number().min(0).max(1),
  extra: z.number().nonnegative(),
  refuse: z.number(),
  drop: z.number(),
  plea: z.number(),
  detentionOnly: z.boolean(),
  amount: z.number().nonnegative(),
  article: z.string(),
  chapter: z.number().int().min(1).max(10),
  term: z.union([termSchema, z.object({ source: z.literal('cail-chapter'), pool: z.number().int() })]),
})
const fileSchema = z.object({
  pools: z.record(z.string(), termSchema),
  charges: z.array(chargeSchema).min(1),
})

type TermStats = z.infer<typeof termSchema>
export type ChargeProfile = Omit<z.infer<typeof chargeSchema>, 'term'>

/** A charge as the generator uses it. */
export interface Charge extends ChargeProfile {
  index: number
  /** Article number without 之…, e.g. 133 for 第133条之一. */
  articleNumber: number
  months: Weighted<number>
  lifeShare: number
  fineShare: number
  fineWan: number[] | null
}

export interface Distributions {
  charges: Charge[]
  byName: Map<string, Charge>
  /** Main charge of a case, by share of suspects. */
  mix: Weighted<Charge>
}

let cached: Distributions | undefined
let cachedFile: string | undefined

/** The distributions (read once: rules ask for a charge's chapter millions of times). */
export function loadDistributions(file?: string): Distributions {
  if (cached && (file === undefined || file === cachedFile)) return cached
  file ??= path.join(projectRoot(), 'resources', 'demo', 'distributions.json')
  const data = fileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
  const charges = data.charges.map((raw, index): Charge => {
    const { term: ref, ...profile } = raw
    const term: TermStats = 'pool' in ref ? data.pools[String(ref.pool)] : ref
    if (!term) throw new Error(`${file}: ${raw.name} refers to a missing pool`)
    const fixed = term.months.reduce((sum, [, n]) => sum + n, 0)
    return {
      ...profile,
      index,
      articleNumber: Number.parseInt(profile.article, 10),
      months: new Weighted(
        term.months.map(([m]) => m),
        term.months.map(([, n]) => n),
      ),
      lifeShare: term.life / Math.max(1, fixed + term.life),
      fineShare: term.fineShare,
      fineWan: term.fineWan,
    }
  })
  const loaded = {
    charges,
    byName: new Map(charges.map((c) => [c.name, c])),
    mix: new Weighted(
      charges,
      charges.map((c) => c.weight),
    ),
  }
  cached = loaded
  cachedFile = file
  return loaded
}

/** A fine in 万元 (two decimals, at least 0.1), interpolating the charge's CAIL quantiles; 0 for none. */
export function sampleFine(random: Random, charge: Charge, always = false): number {
  if (!always && !random.chance(charge.fineShare)) return 0
  const q = charge.fineWan ?? [0.1, 0.2, 0.5, 1, 2]
  // Quantiles 10/25/50/75/90 %, extended to 0.4× the lowest and 2× the highest at the ends.
  const points = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]
  const values = [q[0] * 0.4, ...q, q[4] * 2]
  const u = random.next()
  let i = 1
  while (i < points.length - 1 && u > points[i]) i++
  const t = (u - points[i - 1]) / (points[i] - points[i - 1])
  const wan = values[i - 1] + t * (values[i] - values[i - 1])
  return Math.max(0.1, Math.round(wan * 100) / 100)
}
