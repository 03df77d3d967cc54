/** The tooltip of a matrix cell: the figure with its parts, 口径, comparisons, rank and data quality. */
import type { IndicatorResult, IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import { DIRECTION_NAMES } from '../../../../shared/indicators/model.ts'
import { deviationText } from './deviationColor.ts'
import {
  changeText,
  countText,
  periodLabel,
  qualityAlert,
  rankText,
  resultText,
  valueText,
} from './indicatorText.ts'
import type { QualityMargins } from './indicatorText.ts'

export function cellTitle(
  result: IndicatorResult | undefined,
  indicator: Pick<IndicatorSummary, 'name' | 'unit' | 'precision' | 'effectiveDirection'>,
  margins: QualityMargins | null,
): string {
  if (!result) return `${indicator.name}：尚未计算`
  const head = `${result.unitName} · ${result.name}（${result.periodLabel}）`
  if (result.unavailable) return `${head}\n无法计算：${result.unavailable}`
  const { unit, precision } = indicator
  const parts =
    result.denominator === null
      ? `（计数 ${countText(result.numerator)}）`
      : `（分子 ${countText(result.numerator)} / 分母 ${countText(result.denominator)}）`
  const lines = [
    head,
    `数值：${resultText(result)}${parts}`,
    `口径：${result.caliberName}；${DIRECTION_NAMES[indicator.effectiveDirection]}指标`,
    `同比：${changeText(result.yoy, precision)}（${periodLabel(result.yoy.period)} ${valueText(result.yoy.value, unit, precision)}）`,
    `环比：${changeText(result.mom, precision)}（${periodLabel(result.mom.period)} ${valueText(result.mom.value, unit, precision)}）`,
    `排名：${rankText(result.rank, result.peers)}；同级平均 ${valueText(result.peerAverage, unit, precision)}`,
    deviationText(indicator.effectiveDirection, result.deviation, result.peerAverage, unit),
  ]
  if (result.partial) lines.push('注意：期间超出数据覆盖范围，数值可能不完整')
  const alert = margins ? qualityAlert(result, unit, margins) : null
  if (alert) lines.push(`⚠ ${alert}；剔除后为 ${valueText(result.clean?.value, unit, precision)}`)
  lines.push('点击查看构成该数值的记录')
  return lines.join('\n')
}
