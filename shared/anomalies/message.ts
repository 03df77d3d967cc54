/**
 * The Chinese explanation of a warning, in the words of the reports (reports.md §5.2–5.3): value,
 * 同比 in 个百分点 or %, distance from the peers, the expected range, and where the change mainly
 * comes from — "玄武区院2024年第三季度不捕率45.2%，同比上升12.3个百分点（去年同期32.9%），变动幅度为
 * 正常波动的4.1倍；主要来自危险驾驶罪（+8.1个百分点）".
 */
import { formatFixed } from '../format/round.ts'
import { formatIndicatorValue } from '../indicators/format.ts'
import { isRateUnit, type DisplayUnit } from '../indicators/model.ts'
import type { AnomalyKind, Comparison, Suppression } from './model.ts'

/**
 * The name a report uses for a procuratorate: 南京市玄武区人民检察院 → 玄武区院, 东台市人民检察院 →
 * 东台市院, 南京市人民检察院 → 南京市院, 江苏省人民检察院 → 江苏省院.
 */
export function shortUnitName(name: string): string {
  const base = name.replace(/人民检察院$/, '').trim()
  if (base === name.trim()) return name
  const county = base.match(/^.+?市(.+?[区县市旗])$/)
  return `${county ? county[1] : base}院`
}

const magnitude = (value: number, digits = 1) => formatFixed(Math.abs(value), digits)

/** '上升12.3个百分点', '下降20.5%', '持平'. */
export function describeChange(change: number, unit: DisplayUnit): string {
  const points = unit === '‰' ? '个千分点' : '个百分点'
  const text = magnitude(change)
  if (Number(text) === 0) return '基本持平'
  const verb = change > 0 ? '上升' : '下降'
  return isRateUnit(unit) ? `${verb}${text}${points}` : `${verb}${text}%`
}

/** A difference in display units as the reports write it: '12.3个百分点', '3.5天', '120人'. */
export function describeDistance(delta: number, unit: DisplayUnit, precision: number): string {
  if (unit === '%') return `${magnitude(delta)}个百分点`
  if (unit === '‰') return `${magnitude(delta)}个千分点`
  return formatIndicatorValue(Math.abs(delta), unit, Math.max(precision, unit === '比值' ? 2 : 1))
}

export interface WarningText {
  kind: AnomalyKind
  unitName: string
  /** '2024年第三季度'; for a merged January–February window '2024年1至2月'. */
  periodLabel: string
  indicatorName: string
  unit: DisplayUnit
  precision: number
  value: number | null
  /** January and February merged against the 春节 shift. */
  merged?: boolean
  /** 升降 */
  compareTo?: Comparison
  base?: number | null
  change?: number | null
  z?: number | null
  /** 离群: '全省基层院', '南京市各基层院' */
  peerLabel?: string
  center?: number | null
  /** 季节异常 */
  expected?: number | null
  lower?: number | null
  upper?: number | null
  /** 空白: the usual sample (a count, or a rate's denominator) */
  usual?: number | null
  suppressed?: Suppression
  sample?: number | null
  /** The main contribution (anomaly/explain), when one part carries most of the change. */
  cause?: { label: string; total: number } | null
  /** Complementary rates folded into this warning (逮捕率 of a 不捕率 warning). */
  complements?: readonly string[]
}

/** The warning's sentence. */
export function warningMessage(w: WarningText): string {
  const who = `${shortUnitName(w.unitName)}${w.periodLabel}${w.merged ? '（1、2月合并计算，消除春节因素）' : ''}`
  const shown = (v: number | null | undefined) => formatIndicatorValue(v ?? null, w.unit, w.precision)
  const figure = `${who}${w.indicatorName}${shown(w.value)}`
  let text: string
  switch (w.kind) {
    case '空白': {
      const usual = w.usual === null || w.usual === undefined ? '' : formatFixed(w.usual, 0)
      text = isRateUnit(w.unit)
        ? `${who}${w.indicatorName}无法计算（分母为0${usual ? `，此前通常为${usual}` : ''}），属空白项，请核对是否漏导数据`
        : `${who}${w.indicatorName}为0（此前通常为${usual ? shown(w.usual) : '非零'}），属空白项，请核对是否漏导数据`
      break
    }
    case '升降': {
      const basis = w.compareTo === 'mom' ? '环比' : '同比'
      const was = w.compareTo === 'mom' ? '上期' : '去年同期'
      text = `${figure}，${basis}${w.change === null || w.change === undefined ? '变化' : describeChange(w.change, w.unit)}（${was}${shown(w.base)}）`
      if (w.z !== null && w.z !== undefined && !w.suppressed)
        text += `，变动幅度为正常波动的${magnitude(w.z)}倍`
      if (w.suppressed === '基数效应') text += `，主要因${was}基数异常（${was}明显偏离其前后各期）`
      break
    }
    case '离群': {
      const delta = (w.value ?? 0) - (w.center ?? 0)
      text = `${figure}，${delta >= 0 ? '高于' : '低于'}${w.peerLabel ?? '同级单位'}中位数${shown(w.center)}达${describeDistance(delta, w.unit, w.precision)}`
      if (w.z !== null && w.z !== undefined) text += `，约${magnitude(w.z)}个标准差`
      break
    }
    case '季节异常': {
      const delta = (w.value ?? 0) - (w.expected ?? 0)
      text = `${figure}，明显${delta >= 0 ? '高于' : '低于'}按往年同期推算的预期（约${shown(w.expected)}`
      text +=
        w.lower !== null && w.lower !== undefined && w.upper !== null && w.upper !== undefined
          ? `，正常区间${shown(w.lower)}～${shown(w.upper)}）`
          : '）'
      break
    }
  }
  if (w.complements && w.complements.length > 0) text += `（${w.complements.join('、')}与之互补，不再单列）`
  if (w.cause && !w.suppressed) {
    const sign = w.cause.total >= 0 ? '+' : '-'
    text += `；主要来自${w.cause.label}（${sign}${describeDistance(w.cause.total, w.unit, w.precision)}）`
  }
  if (w.suppressed === '样本过少')
    return `样本过少（${w.sample === null || w.sample === undefined ? '样本很小' : `样本仅${formatFixed(w.sample, 0)}`}），未作预警：${text}`
  if (w.suppressed) return `${text}，未作预警`
  return text
}
