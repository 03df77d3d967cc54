/**
 * Seeded randomness for the demo province: the same seed must give byte-identical exports on every
 * machine, so nothing here touches Math.random, Date or locale. sfc32 (PractRand-clean, 128-bit
 * state, fast in 32-bit integer JS) with seeds derived from text labels, so each unit and each concern
 * (persons, outcomes, injected errors) draws from its own stream: changing the error rate does not
 * change a single clean record.
 */

/** 32-bit FNV-1a of a label mixed with a number: how streams get their seeds. */
export function hashSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

export class Random {
  private a: number
  private b: number
  private c: number
  private d: number
  private spare = Number.NaN

  /** @example new Random(42).fork('unit:320102') is reproducible across runs and machines */
  constructor(seed: number, label = '') {
    this.a = hashSeed(seed, 'a' + label)
    this.b = hashSeed(seed, 'b' + label)
    this.c = hashSeed(seed, 'c' + label)
    this.d = 1
    for (let i = 0; i < 15; i++) this.next32() // let the state mix before the first draw
  }

  /** An independent stream for a sub-task. */
  fork(label: string): Random {
    return new Random(this.next32(), label)
  }

  next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.next32() / 4294967296
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  /** Uniform integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  /** Standard normal (Box–Muller, second value kept for the next call). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const value = this.spare
      this.spare = Number.NaN
      return value
    }
    let u = this.next()
    while (u === 0) u = this.next()
    const v = this.next()
    const r = Math.sqrt(-2 * Math.log(u))
    this.spare = r * Math.sin(2 * Math.PI * v)
    return r * Math.cos(2 * Math.PI * v)
  }

  /** Lognormal with the given median and log-sd. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal())
  }

  /** Number of failures before a success, with the given mean (0 for mean ≤ 0). */
  geometric(mean: number): number {
    if (mean <= 0) return 0
    const p = 1 / (1 + mean)
    return Math.floor(Math.log(1 - this.next()) / Math.log(1 - p))
  }
}

/** Cumulative weights for repeated weighted choice; binary search keeps large tables fast. */
export class Weighted<T> {
  private readonly cumulative: Float64Array
  private readonly total: number

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('Weighted: bad table')
    this.cumulative = new Float64Array(weights.length)
    let sum = 0
    weights.forEach((w, i) => {
      sum += Math.max(0, w)
      this.cumulative[i] = sum
    })
    if (sum <= 0) throw new Error('Weighted: weights sum to zero')
    this.total = sum
  }

  index(random: Random): number {
    const target = random.next() * this.total
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.cumulative[mid] > target) hi = mid
      else lo = mid + 1
    }
    return lo
  }

  pick(random: Random): T {
    return this.items[this.index(random)]
  }
}

export const logistic = (x: number): number => 1 / (1 + Math.exp(-x))
export const logit = (p: number): number => Math.log(p / (1 - p))
