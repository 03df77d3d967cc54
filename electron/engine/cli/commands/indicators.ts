import fs from 'node:fs'
import type { ComputeResult } from '../../../../shared/ipc/indicator-contract.ts'
import { formatChange } from '../../../../shared/indicators/format.ts'
import { createLocalHost } from '../../host/local-host.ts'
import { errorLine, type CliIo, type CliOptions } from '../io.ts'

export interface IndicatorsFlags {
  period?: string
  unit?: string[]
  indicator?: string[]
  caliber?: string
  own?: boolean
  'exclude-flagged'?: boolean
  'with-clean'?: boolean
}

const list = (values: string[] | undefined) =>
  (values ?? []).flatMap((v) => v.split(/[,，、\s]+/)).filter((v) => v !== '')

/**
 * `yanpan indicators --period P [--unit CODE] [--indicator NAME...] [--json]`: indicator figures for
 * units and a period, with 同比 and 环比. Names after the options count as more --indicator names.
 * `--json` prints an array of IndicatorResult (shared/ipc/indicator-contract.ts): indicator, unit,
 * period, value, numerator, denominator, caliber, yoy, mom, rank, peerAverage …
 */
export async function indicatorsCommand(
  options: CliOptions,
  flags: IndicatorsFlags,
  io: CliIo,
): Promise<number> {
  if (!flags.period) {
    io.err('请用 --period 指定期间，例如：yanpan indicators --period 2024Q3 --unit 320100 --indicator 不捕率')
    return 2
  }
  if (options.db !== ':memory:' && !fs.existsSync(options.db)) {
    io.err(`工作区文件「${options.db}」不存在：请用 --db 指定已导入数据的工作区。`)
    return 1
  }
  const indicators = [...list(flags.indicator), ...options.positionals]
  const units = list(flags.unit)
  const host = createLocalHost(options.db)
  try {
    const envelope = await host.call('indicator/compute', {
      period: flags.period,
      indicators: indicators.length > 0 ? indicators : undefined,
      units: units.length > 0 ? units : undefined,
      caliber: flags.caliber,
      own: flags.own ?? false,
      excludeFlagged: flags['exclude-flagged'] ?? false,
      withClean: flags['with-clean'] ?? false,
    })
    if (!envelope.ok) {
      io.err(errorLine(envelope.error))
      return 1
    }
    const computed = envelope.value as ComputeResult
    if (options.json) {
      io.out(JSON.stringify(computed.results))
      return 0
    }
    io.out(
      `${computed.periodLabel}（数据覆盖 ${computed.coverage ? `${computed.coverage.first} 至 ${computed.coverage.last}` : '无数据'}）`,
    )
    io.out(['单位', '指标', '数值', '分子/分母', '同比', '环比', '排名', '口径'].join('\t'))
    for (const r of computed.results) {
      const parts = r.denominator === null ? fmt(r.numerator) : `${fmt(r.numerator)}/${fmt(r.denominator)}`
      io.out(
        [
          r.unitName,
          r.name,
          r.unavailable ? `无法计算：${r.unavailable}` : r.display + (r.partial ? '（期间未完）' : ''),
          parts,
          formatChange(r.yoy.change, r.yoy.changeUnit),
          formatChange(r.mom.change, r.mom.changeUnit),
          r.rank === null ? '—' : `${r.rank}/${r.peers}`,
          r.caliberName,
        ].join('\t'),
      )
    }
    return 0
  } finally {
    await host.close()
  }
}

const fmt = (n: number | null) => (n === null ? '—' : String(Math.round(n * 100) / 100))
