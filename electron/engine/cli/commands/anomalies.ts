import {
  ANOMALY_KINDS,
  SEVERITIES,
  type AnomalyKind,
  type Severity,
} from '../../../../shared/anomalies/model.ts'
import type { AnomalyListResult } from '../../../../shared/ipc/anomaly-contract.ts'
import { createLocalHost } from '../../host/local-host.ts'
import { errorLine, type CliIo, type CliOptions } from '../io.ts'

export interface AnomaliesFlags {
  period?: string
  unit?: string[]
  indicator?: string[]
  kind?: string[]
  'min-severity'?: string
  all?: boolean
}

const list = (values: string[] | undefined) =>
  (values ?? []).flatMap((v) => v.split(/[,，、\s]+/)).filter((v) => v !== '')

const SEVERITY_WORDS: Record<string, Severity> = {
  high: 'high',
  medium: 'medium',
  low: 'low',
  高: 'high',
  中: 'medium',
  低: 'low',
}

/**
 * `yanpan anomalies --period P [--unit CODE] [--indicator NAME]... [--kind 升降]... [--min-severity 高]
 * [--all] [--json]`: the anomaly warnings (异常预警) of a period — of the unit and its subordinate units
 * with --unit — most severe first. `--all` also lists acknowledged ones. `--json` prints an array of
 * AnomalyWarning (shared/ipc/anomaly-contract.ts): indicator, unit, period, kind (升降 / 空白 / 离群 /
 * 季节异常), severity (high / medium / low), severityLabel, message, value, baseline, change, z, …
 */
export async function anomaliesCommand(
  options: CliOptions,
  flags: AnomaliesFlags,
  io: CliIo,
): Promise<number> {
  if (!flags.period) {
    io.err('请用 --period 指定期间，例如：yanpan anomalies --period 2024Q3 --unit 320100')
    return 2
  }
  const units = list(flags.unit)
  if (units.length > 1) {
    io.err('--unit 只能指定一个单位（列出该单位及其下级院的预警）。')
    return 2
  }
  const kinds = list(flags.kind)
  const unknownKind = kinds.find((k) => !(ANOMALY_KINDS as readonly string[]).includes(k))
  if (unknownKind) {
    io.err(`未知的预警类型「${unknownKind}」，可选：${ANOMALY_KINDS.join('、')}。`)
    return 2
  }
  let minSeverity: Severity = 'low'
  if (flags['min-severity'] !== undefined) {
    const severity = SEVERITY_WORDS[flags['min-severity'].trim()]
    if (!severity) {
      io.err(`未知的严重程度「${flags['min-severity']}」，可选：高、中、低（或 ${SEVERITIES.join('、')}）。`)
      return 2
    }
    minSeverity = severity
  }
  const indicators = [...list(flags.indicator), ...options.positionals]
  const host = createLocalHost(options.db)
  try {
    const envelope = await host.call('anomaly/list', {
      period: flags.period,
      unit: units[0],
      indicators: indicators.length > 0 ? indicators : undefined,
      kinds: kinds.length > 0 ? (kinds as AnomalyKind[]) : undefined,
      minSeverity,
      includeAcknowledged: flags.all ?? false,
    })
    if (!envelope.ok) {
      io.err(errorLine(envelope.error))
      return 1
    }
    const result = envelope.value as AnomalyListResult
    if (options.json) {
      io.out(JSON.stringify(result.warnings))
      return 0
    }
    const coverage = result.coverage ? `${result.coverage.first} 至 ${result.coverage.last}` : '无数据'
    io.out(
      `${result.periodLabel}异常预警：${result.warnings.length} 条（数据覆盖 ${coverage}${result.partial ? '，期间未完，仅比较已有月份' : ''}；` +
        `检查 ${result.examined} 个指标×单位，样本过少未预警 ${result.counts.smallSample} 条，基数效应未预警 ${result.counts.baseEffect} 条）`,
    )
    if (result.warnings.length === 0) return 0
    io.out(['严重程度', '类型', '单位', '指标', '说明'].join('\t'))
    for (const w of result.warnings)
      io.out(
        [
          w.severityLabel,
          w.kind,
          w.unitName,
          w.name,
          w.message + (w.acknowledged ? `（已确认：${w.acknowledged.note}）` : ''),
        ].join('\t'),
      )
    return 0
  } finally {
    await host.close()
  }
}
