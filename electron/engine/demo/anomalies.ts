/**
 * Injected anomalies (reports.md §5.4: 升降, 空白, 明显过高过低): a few 基层院 get
 * - a jump of 审查起诉受理人数 in one month (a batch of directly transferred cases),
 * - a drop of 审查逮捕受理人数 in one month,
 * - a blank month (no 受理 at all in either export),
 * - a quarter far from their peers: 不诉率 high, or 认罪认罚从宽制度适用率 low.
 * The manifest lists them with the indicator and period in which they show.
 */
import { dayNumberOf } from '../../../shared/values/date.ts'
import type { DemoUnit } from './hierarchy.ts'
import type { Month } from './calendar.ts'
import type { Random } from './random.ts'

export type AnomalyKind = 'change' | 'blank' | 'outlier'

export interface Anomaly {
  unit: string
  unitName: string
  /** Indicator in which it shows, as the analyst names it. */
  indicator: '审查起诉受理人数' | '审查逮捕受理人数' | '受理人数' | '不诉率' | '认罪认罚从宽制度适用率'
  /** 'YYYY-MM' for a month, 'YYYY-Qn' for a quarter. */
  period: string
  kind: AnomalyKind
  direction: 'up' | 'down' | null
  /** How it was made and how it can be seen, in Chinese for the analyst. */
  description: string
}

/** Jump factor of new cases in a 'change up' month (all the extra ones transferred directly). */
export const JUMP_FACTOR = 5
const DROP_FACTOR = 0.1
/** Logit shifts applied to decisions of an outlier quarter. */
const OUTLIER_SHIFT = 2.5

interface QuarterShift {
  unit: number
  first: number
  last: number
  key: 'drop' | 'plea'
  shift: number
}

export class AnomalyPlan {
  readonly anomalies: Anomaly[] = []
  private readonly entryFactors = new Map<string, number>()
  private readonly blanks = new Map<number, { first: number; last: number }>()
  private readonly quarters: QuarterShift[] = []

  /** Multiplier of a unit-month's new cases (0 for a blank month). */
  entryFactor(unit: number, month: string): number {
    return this.entryFactors.get(`${unit}:${month}`) ?? 1
  }

  /** Share of a unit-month's new persons forced onto the direct path (the extra cases of a jump). */
  forcedDirectShare(unit: number, month: string): number {
    return this.entryFactor(unit, month) > 1 ? 1 - 1 / JUMP_FACTOR : 0
  }

  /** A 受理日期 moved out of a blank month (to the first day after it). */
  shiftOutOfBlank(unit: number, day: number): number {
    const blank = this.blanks.get(unit)
    return blank && day >= blank.first && day <= blank.last ? blank.last + 1 : day
  }

  /** Logit shift of a decision taken by a unit on a day. */
  shift(unit: number, day: number, key: 'drop' | 'plea'): number {
    for (const q of this.quarters)
      if (q.unit === unit && q.key === key && day >= q.first && day <= q.last) return q.shift
    return 0
  }

  static choose(random: Random, units: DemoUnit[], months: Month[]): AnomalyPlan {
    const plan = new AnomalyPlan()
    // Away from the edges of the window, where flows are still filling or draining.
    const inner = months.slice(3, -2)
    if (inner.length < 6) return plan
    // The largest 基层院, so a few thousand persons still make each anomaly stand out.
    const candidates = units
      .filter((u) => u.size > 0)
      .sort((a, b) => b.size - a.size)
      .slice(0, 12)
    const take = () => candidates.splice(random.int(0, Math.min(4, candidates.length - 1)), 1)[0]

    const up = take()
    const upMonth = random.pick(inner)
    plan.entryFactors.set(`${up.index}:${upMonth.key}`, JUMP_FACTOR)
    plan.add(
      up,
      '审查起诉受理人数',
      upMonth.key,
      'change',
      'up',
      `当月新移送审查起诉的案件约为平时的${JUMP_FACTOR}倍（集中移送）`,
    )

    const down = take()
    const downMonth = random.pick(inner)
    plan.entryFactors.set(`${down.index}:${downMonth.key}`, DROP_FACTOR)
    plan.add(
      down,
      '审查逮捕受理人数',
      downMonth.key,
      'change',
      'down',
      '当月新受理的审查逮捕人数降至平时的一成左右',
    )

    const blank = take()
    const blankMonth = random.pick(inner)
    plan.entryFactors.set(`${blank.index}:${blankMonth.key}`, 0)
    plan.blanks.set(blank.index, { first: blankMonth.first, last: blankMonth.last })
    plan.add(blank, '受理人数', blankMonth.key, 'blank', null, '当月审查逮捕、审查起诉均无受理记录（空白月）')

    const quarters = inner.filter(
      (m) => m.month % 3 === 1 && inner.some((n) => n.year === m.year && n.month === m.month + 2),
    )
    if (quarters.length > 0) {
      const high = take()
      plan.addQuarter(
        high,
        random.pick(quarters),
        'drop',
        OUTLIER_SHIFT,
        '不诉率',
        'up',
        '该季度不诉率明显高于全省其他基层院',
      )
      const low = take()
      plan.addQuarter(
        low,
        random.pick(quarters),
        'plea',
        -OUTLIER_SHIFT,
        '认罪认罚从宽制度适用率',
        'down',
        '该季度认罪认罚从宽制度适用率明显低于全省其他基层院',
      )
    }
    return plan
  }

  private add(
    unit: DemoUnit,
    indicator: Anomaly['indicator'],
    period: string,
    kind: AnomalyKind,
    direction: Anomaly['direction'],
    description: string,
  ) {
    this.anomalies.push({
      unit: unit.code,
      unitName: unit.name,
      indicator,
      period,
      kind,
      direction,
      description,
    })
  }

  private addQuarter(
    unit: DemoUnit,
    start: Month,
    key: 'drop' | 'plea',
    shift: number,
    indicator: Anomaly['indicator'],
    direction: 'up' | 'down',
    description: string,
  ) {
    const quarter = Math.floor((start.month - 1) / 3) + 1
    // Decisions are shifted by the date the case was received; a few weeks earlier too, so that the
    // persons concluded inside the quarter (measured by 审结日期) are all affected.
    const last = lastDayOfQuarter(start)
    this.quarters.push({ unit: unit.index, first: start.first - 30, last: last - 10, key, shift })
    this.add(unit, indicator, `${start.year}-Q${quarter}`, 'outlier', direction, description)
  }
}

/** Last day of the quarter that starts with `start`. */
function lastDayOfQuarter(start: Month): number {
  const month = start.month + 3
  return month > 12 ? dayNumberOf(start.year + 1, month - 12, 1) - 1 : dayNumberOf(start.year, month, 1) - 1
}
