/**
 * One chart of the built report (图N and its title below it, as in the Word document), drawn with recharts
 * from the same series the .docx embeds: lines, bars (side by side or stacked, horizontal when many
 * units are named) and pies.
 */
import { memo } from 'react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { ChartBlock } from '../../../../shared/reports/report-model.ts'
import {
  chartLayout,
  chartRows,
  chartValueText,
  hasValues,
  pieSlices,
  seriesColor,
  seriesKey,
  showLabels,
} from './reportCharts.ts'

const TICK = { fontSize: 12, fill: '#333' } as const
const TOOLTIP = { fontSize: 12, border: '1px solid #dcdfe6', borderRadius: 3, padding: '6px 10px' } as const
const LEGEND = { fontSize: 12 } as const

/** Memoised: editing a paragraph re-renders the preview, not its charts and tables. */
export const ReportChart = memo(function ReportChart({ block }: { block: ChartBlock }) {
  const { chart } = block
  const layout = chartLayout(chart)
  const format = (value: unknown) => chartValueText(value, chart)
  const labels = showLabels(chart)
  const unit = chart.valueUnit === '比值' ? '' : chart.valueUnit

  let body
  if (!hasValues(chart)) {
    body = <p className="report-chart-empty">（本期无相关数据，图略。）</p>
  } else if (chart.type === 'pie') {
    const slices = pieSlices(chart)
    body = (
      <ResponsiveContainer width="100%" height={layout.height}>
        <PieChart>
          <Pie
            data={slices}
            dataKey="value"
            nameKey="name"
            outerRadius="75%"
            stroke={slices.length > 1 ? '#fff' : 'none'}
            isAnimationActive={false}
            label={labels ? ({ name, value }) => `${String(name)} ${format(value)}` : false}
            labelLine={labels}
          >
            {slices.map((slice) => (
              <Cell key={slice.name} fill={slice.color} />
            ))}
          </Pie>
          <Tooltip formatter={(value) => format(value)} contentStyle={TOOLTIP} />
          <Legend wrapperStyle={LEGEND} />
        </PieChart>
      </ResponsiveContainer>
    )
  } else if (chart.type === 'line') {
    const rows = chartRows(chart)
    body = (
      <ResponsiveContainer width="100%" height={layout.height}>
        <LineChart data={rows} margin={{ top: 16, right: 24, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="#e5e5e5" vertical={false} />
          <XAxis dataKey="category" tick={TICK} interval="preserveStartEnd" minTickGap={8} />
          <YAxis
            tick={TICK}
            width={52}
            label={unit ? { value: unit, angle: -90, position: 'insideLeft', fontSize: 12 } : undefined}
          />
          <Tooltip formatter={(value, name) => [format(value), name]} contentStyle={TOOLTIP} />
          <Legend wrapperStyle={LEGEND} />
          {chart.series.map((series, i) => (
            <Line
              key={seriesKey(i)}
              type="linear"
              dataKey={seriesKey(i)}
              name={series.name}
              stroke={seriesColor(i)}
              strokeWidth={2}
              strokeDasharray={series.name === '去年同期' ? '5 4' : undefined}
              dot={{ r: 2 }}
              connectNulls={false}
              isAnimationActive={false}
            >
              {labels && <LabelList dataKey={seriesKey(i)} position="top" fontSize={11} formatter={format} />}
            </Line>
          ))}
        </LineChart>
      </ResponsiveContainer>
    )
  } else {
    const rows = chartRows(chart)
    const stack = chart.stacked ? 'stack' : undefined
    body = (
      <ResponsiveContainer width="100%" height={layout.height}>
        {layout.horizontal ? (
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 4 }}>
            <CartesianGrid stroke="#e5e5e5" horizontal={false} />
            <XAxis type="number" tick={TICK} />
            <YAxis type="category" dataKey="category" tick={TICK} width={120} interval={0} />
            <Tooltip formatter={(value, name) => [format(value), name]} contentStyle={TOOLTIP} />
            {chart.series.length > 1 && <Legend wrapperStyle={LEGEND} />}
            {chart.series.map((series, i) => (
              <Bar
                key={seriesKey(i)}
                dataKey={seriesKey(i)}
                name={series.name}
                fill={seriesColor(i)}
                stackId={stack}
                isAnimationActive={false}
              >
                {labels && (
                  <LabelList dataKey={seriesKey(i)} position="right" fontSize={11} formatter={format} />
                )}
              </Bar>
            ))}
          </BarChart>
        ) : (
          <BarChart data={rows} margin={{ top: 16, right: 16, bottom: 4, left: 4 }}>
            <CartesianGrid stroke="#e5e5e5" vertical={false} />
            <XAxis
              dataKey="category"
              tick={TICK}
              interval={0}
              angle={rows.length > 8 ? -30 : 0}
              textAnchor={rows.length > 8 ? 'end' : 'middle'}
              height={rows.length > 8 ? 64 : 30}
            />
            <YAxis
              tick={TICK}
              width={52}
              label={unit ? { value: unit, angle: -90, position: 'insideLeft', fontSize: 12 } : undefined}
            />
            <Tooltip formatter={(value, name) => [format(value), name]} contentStyle={TOOLTIP} />
            {chart.series.length > 1 && <Legend wrapperStyle={LEGEND} />}
            {chart.series.map((series, i) => (
              <Bar
                key={seriesKey(i)}
                dataKey={seriesKey(i)}
                name={series.name}
                fill={seriesColor(i)}
                stackId={stack}
                isAnimationActive={false}
              >
                {labels && (
                  <LabelList
                    dataKey={seriesKey(i)}
                    position={stack ? 'inside' : 'top'}
                    fontSize={11}
                    formatter={format}
                  />
                )}
              </Bar>
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    )
  }

  return (
    <figure
      className="report-chart"
      data-testid="report-chart"
      data-chart-id={block.id}
      data-type={chart.stacked ? `${chart.type}-stacked` : chart.type}
      data-points={chart.categories.length}
      data-series={chart.series.length}
    >
      {body}
      <figcaption className="report-caption">
        {block.label}　{block.title}
      </figcaption>
    </figure>
  )
})
