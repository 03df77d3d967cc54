/** Colours and fonts shared by the dashboard's charts (the app's palette; no web fonts). */
export const CHART_COLORS = {
  current: '#9b1c1f',
  lastYear: '#8a94a6',
  bar: '#7f9cc4',
  selected: '#9b1c1f',
  average: '#c9a227',
  grid: '#eef0f3',
  period: 'rgb(155 28 31 / 8%)',
  forecast: '#1e64b4',
  forecastBand: 'rgb(30 100 180 / 14%)',
} as const

export const AXIS_TICK = { fontSize: 12, fill: '#646a73' } as const

/** Tooltip box in the app's style. */
export const TOOLTIP_STYLE = {
  fontSize: 12,
  border: '1px solid #dcdfe6',
  borderRadius: 3,
  padding: '6px 10px',
} as const

/** Axis label of an indicator: 不捕率（%）. */
export const axisName = (name: string, unit: string) => (unit === '比值' ? name : `${name}（${unit}）`)

/** The unit on a value axis ('' for 比值). */
export const unitLabel = (unit: string) => (unit === '比值' ? '' : unit)
