/**
 * 瀑布图: from the earlier value, each part's contribution in rank order (rises and falls coloured by the
 * indicator's direction), to the current value. Stacked bars: an invisible base carries each bar to where
 * the running total stands (waterfallData.ts).
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { ExplainResult } from '../../../../shared/ipc/anomaly-contract.ts'
import { formatIndicatorValue } from '../../../../shared/indicators/format.ts'
import type { Direction } from '../../../../shared/indicators/model.ts'
import { AXIS_TICK, CHART_COLORS, TOOLTIP_STYLE } from '../indicators/chartStyle.ts'
import { deltaText } from './alertsView.ts'
import { waterfallBars } from './waterfallData.ts'
import type { WaterfallBar, WaterfallTone } from './waterfallData.ts'

const FILLS: Record<WaterfallTone, string> = {
  total: '#7f8ea3',
  bad: '#d46a6a',
  good: '#66a36a',
  neutral: '#5b8fd1',
}

export function WaterfallChart({ result, direction }: { result: ExplainResult; direction: Direction }) {
  const data = waterfallBars(result.waterfall, direction)
  const { displayUnit: unit, precision } = result
  if (data.bars.length === 0) {
    return <p className="muted small chart-empty">比较期或本期没有数值，无法绘制瀑布图。</p>
  }
  const level = (v: number) => formatIndicatorValue(v, unit, precision)
  const barLabel = (bar: WaterfallBar) =>
    bar.kind === 'delta' ? deltaText(bar.value, unit, precision) : level(bar.value)
  // Short axis names for the first and last bars (the tooltip has the full ones).
  const tick = (bar: WaterfallBar) =>
    bar.kind === 'start'
      ? result.compareTo === 'yoy'
        ? '去年同期'
        : '上期'
      : bar.kind === 'end'
        ? '本期'
        : bar.label
  const bars = data.bars.map((bar) => ({ ...bar, text: barLabel(bar), tick: tick(bar) }))
  const height = 240
  return (
    <div className="waterfall-card" data-testid="waterfall-chart" data-bars={data.bars.length}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={bars} margin={{ top: 18, right: 12, bottom: 4, left: 4 }} barCategoryGap="18%">
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis
            dataKey="tick"
            tick={AXIS_TICK}
            interval={0}
            height={64}
            angle={-35}
            textAnchor="end"
            tickFormatter={(label: string) => (label.length > 7 ? `${label.slice(0, 6)}…` : label)}
          />
          <YAxis
            tick={AXIS_TICK}
            width={60}
            domain={[0, data.top]}
            ticks={data.ticks}
            tickFormatter={(v: number) => level(v + data.floor)}
            allowDataOverflow
          />
          <Tooltip
            cursor={{ fill: 'rgb(0 0 0 / 4%)' }}
            contentStyle={TOOLTIP_STYLE}
            content={({ active, payload }) => {
              const bar = active ? (payload?.[0]?.payload as WaterfallBar | undefined) : undefined
              if (!bar) return null
              return (
                <div className="chart-tooltip" style={TOOLTIP_STYLE}>
                  <div className="strong">{bar.label}</div>
                  {bar.kind === 'delta' ? (
                    <div>
                      贡献 {deltaText(bar.value, unit, precision)}：{level(bar.from)} → {level(bar.to)}
                    </div>
                  ) : (
                    <div>{level(bar.value)}</div>
                  )}
                </div>
              )
            }}
          />
          <Bar dataKey="base" stackId="w" fill="transparent" isAnimationActive={false} legendType="none" />
          <Bar dataKey="size" stackId="w" isAnimationActive={false}>
            {bars.map((bar, i) => (
              <Cell key={`${i} ${bar.label}`} fill={FILLS[bar.tone]} />
            ))}
            <LabelList dataKey="text" position="top" fontSize={11} fill="#646a73" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      {data.floor !== 0 && <p className="muted small chart-note">纵轴自 {level(data.floor)} 起。</p>}
    </div>
  )
}
