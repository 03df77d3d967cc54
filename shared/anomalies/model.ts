/**
 * The anomaly-warning model (异常预警, reports.md §5.4): the four kinds of warning, severities, and the
 * detector thresholds — workspace defaults with per-indicator overrides. No official threshold exists
 * (reports.md: ❌), so the defaults are the domain notes' proposal, tuned on the demo province:
 * |同比| ≥ 5 个百分点 for rates and ≥ 20% for counts, peers by robust z-score, a small-sample guard at
 * denominators below 10. Every change must also stand out from the unit's own usual fluctuation
 * (`zChange`), which is what keeps a province of ~100 units × 60 indicators from drowning in noise.
 */
import { z } from 'zod'

/**
 * - 升降: a 同比 (or 环比) change beyond the threshold and beyond the unit's usual fluctuation;
 * - 空白: no data where the unit usually has some (a count of 0, or a rate's denominator 0);
 * - 离群: far from the peer units of the same level (robust z-score over median and MAD);
 * - 季节异常: outside the interval expected from the unit's own prior years (seasonal model).
 */
export const ANOMALY_KINDS = ['升降', '空白', '离群', '季节异常'] as const
export type AnomalyKind = (typeof ANOMALY_KINDS)[number]

export const SEVERITIES = ['high', 'medium', 'low'] as const
export type Severity = (typeof SEVERITIES)[number]
export const SEVERITY_NAMES: Readonly<Record<Severity, string>> = { high: '高', medium: '中', low: '低' }
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { low: 1, medium: 2, high: 3 }

export const COMPARISONS = ['yoy', 'mom'] as const
export type Comparison = (typeof COMPARISONS)[number]
export const COMPARISON_NAMES: Readonly<Record<Comparison, string>> = { yoy: '同比', mom: '环比' }

/** Peers of an outlier test: every unit of the same level in the hierarchy, or those under the same 上级院. */
export const PEER_SCOPES = ['level', 'parent'] as const
export type PeerScope = (typeof PEER_SCOPES)[number]

/**
 * Why a candidate is not a warning (shown only on request): 样本过少 (small-sample guard), 基数效应
 * (a 同比 change that comes from last year's abnormal window), 长期偏离 (an outlier that has stood
 * apart from its peers for months: reported when it starts, not every period).
 */
export const SUPPRESSIONS = ['样本过少', '基数效应', '长期偏离'] as const
export type Suppression = (typeof SUPPRESSIONS)[number]

export const thresholdsSchema = z.object({
  /** Detect anomalies of this indicator at all. */
  enabled: z.boolean(),
  /** The detectors that run. */
  kinds: z.array(z.enum(ANOMALY_KINDS)).max(ANOMALY_KINDS.length),
  /** 升降 compares with the same window a year earlier (同比) and/or the window just before (环比). */
  compare: z.array(z.enum(COMPARISONS)).min(1, '至少选择同比或环比之一').max(2),
  /** Rates (%, ‰): the smallest change (or distance from peers / expectation) worth a warning, in 百分点. */
  changeRate: z.number().min(0).max(100),
  /** Counts, days, ratios: the smallest relative change worth a warning, in %. */
  changeRelative: z.number().min(0).max(10_000),
  /** 升降: how many times the unit's usual fluctuation a change must exceed. */
  zChange: z.number().min(0).max(50),
  /** 离群: the robust z-score (distance from the peers' median in MAD-based standard deviations). */
  zPeer: z.number().min(0).max(50),
  /** 季节异常: how many standard deviations from the expectation (the interval's half-width). */
  zSeason: z.number().min(0).max(50),
  /** Small-sample guard: a rate's denominator (a count's larger value) below this is 样本过少, not alarmed. */
  minSample: z.number().int().min(0).max(1_000_000),
  /** 空白: a unit "usually has data" when its median over the preceding windows is at least this. */
  blankBaseline: z.number().min(0).max(1_000_000),
  peerScope: z.enum(PEER_SCOPES),
  /**
   * The first months of the data are incomplete (cases received earlier are missing, so flows are
   * still filling): they are neither checked nor used as a baseline.
   */
  warmupMonths: z.number().int().min(0).max(24),
})
export type Thresholds = z.infer<typeof thresholdsSchema>

export const thresholdOverridesSchema = thresholdsSchema.partial()
export type ThresholdOverrides = z.infer<typeof thresholdOverridesSchema>

/** The built-in defaults (reports.md §5.4 proposal; z-levels tuned on the demo province, see bench/anomalies.ts). */
export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  enabled: true,
  kinds: [...ANOMALY_KINDS],
  compare: ['yoy'],
  changeRate: 5,
  changeRelative: 20,
  zChange: 6,
  zPeer: 7,
  zSeason: 7,
  minSample: 10,
  blankBaseline: 10,
  peerScope: 'level',
  warmupMonths: 3,
} satisfies Thresholds)

/** The workspace's anomaly settings: its own defaults and per-indicator overrides (both partial). */
export const anomalySettingsSchema = z.object({
  defaults: thresholdOverridesSchema.default({}),
  indicators: z.record(z.string().min(1).max(80), thresholdOverridesSchema).default({}),
})
export type AnomalySettings = z.infer<typeof anomalySettingsSchema>

/** Built-in defaults ← workspace defaults ← the indicator's overrides. */
export function effectiveThresholds(settings: AnomalySettings | undefined, indicator?: string): Thresholds {
  const merged: Thresholds = {
    ...DEFAULT_THRESHOLDS,
    kinds: [...DEFAULT_THRESHOLDS.kinds],
    compare: [...DEFAULT_THRESHOLDS.compare],
  }
  const apply = (overrides: ThresholdOverrides | undefined) => {
    if (!overrides) return
    for (const [key, value] of Object.entries(overrides))
      if (value !== undefined) (merged as Record<string, unknown>)[key] = value
  }
  apply(settings?.defaults)
  if (indicator !== undefined) apply(settings?.indicators[indicator])
  return merged
}

/** Field names of the thresholds, as the settings page labels them. */
export const THRESHOLD_LABELS: Readonly<Record<keyof Thresholds, string>> = {
  enabled: '启用预警',
  kinds: '检测类型',
  compare: '升降比较基准',
  changeRate: '比率变动阈值（百分点）',
  changeRelative: '数量变动阈值（%）',
  zChange: '升降显著性（正常波动的倍数）',
  zPeer: '离群阈值（稳健z值）',
  zSeason: '季节异常阈值（标准差倍数）',
  minSample: '最小样本量',
  blankBaseline: '空白判定的通常数量',
  peerScope: '离群比较范围',
  warmupMonths: '数据起始排除月数',
}
