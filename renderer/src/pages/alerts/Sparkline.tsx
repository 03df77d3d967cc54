/** A warning's last 24 months as a tiny SVG line, the warning's window shaded and its last value dotted. */
import { sparklineGeometry, windowRange } from './sparkline.ts'

interface SparklineProps {
  values: readonly (number | null)[]
  months: readonly string[]
  /** The warning's window ('2024Q3'), shaded. */
  window: string
  tone: string
  width?: number
  height?: number
  title?: string
}

export function Sparkline({ values, months, window, tone, width = 104, height = 26, title }: SparklineProps) {
  const geometry = sparklineGeometry(values, width, height, windowRange(months, window))
  return (
    <svg
      className={`sparkline tone-${tone}`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={title ?? '近24个月走势'}
      data-testid="alert-sparkline"
      data-points={values.filter((v) => v !== null).length}
    >
      {title && <title>{title}</title>}
      {geometry.band && (
        <rect
          className="sparkline-band"
          x={geometry.band.x}
          y={0}
          width={geometry.band.width}
          height={height}
        />
      )}
      {geometry.path && <path className="sparkline-line" d={geometry.path} />}
      {geometry.last && <circle className="sparkline-dot" cx={geometry.last.x} cy={geometry.last.y} r={2} />}
    </svg>
  )
}
