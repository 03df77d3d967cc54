import path from 'node:path'
import { createDemo } from '../../demo/create-demo.ts'
import { DEMO_DEFAULTS, generateDemo, type DemoResult } from '../../demo/generate.ts'
import type { ExportFormat } from '../../demo/write-exports.ts'
import { createLocalHost } from '../../host/local-host.ts'
import type { CliIo, CliOptions } from '../io.ts'

/** The demo options as parsed by main.ts (all strings, as typed). */
export interface DemoFlags {
  db?: string
  out?: string
  persons?: string
  from?: string
  to?: string
  seed?: string
  'error-rate'?: string
  format?: string
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/**
 * `yanpan demo [--db FILE] [--out DIR] [--persons N] [--from YYYY-MM --to YYYY-MM] [--seed S]
 * [--error-rate R] [--format csv|xlsx|both] [--json]`: writes the demo province's 010101 and 020101
 * exports and manifest.json; with --db also imports them into that workspace.
 */
export async function demoCommand(options: CliOptions, flags: DemoFlags, io: CliIo): Promise<number> {
  const parsed = parseFlags(flags)
  if (typeof parsed === 'string') {
    io.err(`参数错误：${parsed}`)
    return 2
  }
  const started = performance.now()
  const generating = (done: number, total: number) => io.progress(`正在生成：${done}/${total} 人`)
  let result: DemoResult
  let imported = ''
  if (flags.db !== undefined) {
    const host = createLocalHost(options.db)
    try {
      const out = parsed.out ?? path.join(path.dirname(host.exportDir), 'demo')
      const demo = await createDemo(host.ctx, { ...parsed, out }, (p) =>
        p.phase === 'generating'
          ? generating(p.done, p.total)
          : io.progress(`正在导入：${p.done}/${p.total} 行`),
      )
      result = demo.result
      const rows = demo.imports.reduce((sum, i) => sum + i.inserted + i.updated + i.unchanged, 0)
      imported = `已导入工作区「${options.db}」：${demo.imports.length} 个文件，${rows} 行（导入批次 ${demo.imports.map((i) => i.batchId).join('、')}）`
    } catch (error) {
      io.progress('\n')
      io.err(`错误：${(error as Error).message}`)
      return 1
    } finally {
      await host.close()
    }
  } else {
    result = await generateDemo({
      ...parsed,
      out: parsed.out ?? path.resolve('yanpan-demo'),
      onProgress: generating,
    })
  }
  io.progress('\n')
  const seconds = (performance.now() - started) / 1000
  const m = result.manifest
  if (options.json) {
    const { errors, ...rest } = m
    io.out(
      JSON.stringify({
        ...rest,
        errors: errors.length,
        manifest: result.manifestPath,
        seconds: Math.round(seconds * 10) / 10,
      }),
    )
    return 0
  }
  const percent = (x: number) => `${(x * 100).toFixed(1)}%`
  io.out(
    [
      `演示数据已生成（种子 ${m.seed}，${m.from} 至 ${m.to}，导出日期 ${m.exportDate}，用时 ${seconds.toFixed(1)} 秒）`,
      `  单位 ${m.counts.units} 个；嫌疑人 ${m.counts.suspects} 人；审查逮捕 ${m.counts.rows['010101']} 行，一审公诉 ${m.counts.rows['020101']} 行`,
      `  不捕率 ${percent(m.rates.不捕率)}，不诉率 ${percent(m.rates.不诉率)}，认罪认罚适用率 ${percent(m.rates.认罪认罚从宽制度适用率)}，` +
        `诉前羁押率 ${percent(m.rates.诉前羁押率)}，未成年人 ${percent(m.rates.未成年人占比)}`,
      `  注入数据质量问题 ${m.errors.length} 处，异常 ${m.anomalies.length} 项，见 ${result.manifestPath}`,
      ...result.files.map((f) => `  ${f.path}（${f.rows} 行）`),
      ...(imported ? [imported] : []),
    ].join('\n'),
  )
  return 0
}

interface ParsedFlags {
  out?: string
  persons: number
  from: string
  to: string
  seed: number
  errorRate: number
  formats: ExportFormat[]
}

function parseFlags(flags: DemoFlags): ParsedFlags | string {
  const persons = flags.persons === undefined ? DEMO_DEFAULTS.persons : Number(flags.persons)
  if (!Number.isInteger(persons) || persons < 1 || persons > 5_000_000)
    return '--persons 应为 1 到 5000000 之间的整数'
  const from = flags.from ?? DEMO_DEFAULTS.from
  const to = flags.to ?? DEMO_DEFAULTS.to
  if (!MONTH.test(from) || !MONTH.test(to)) return '--from / --to 应为“年-月”，例如 2022-01'
  if (from > to) return `起始月份 ${from} 晚于结束月份 ${to}`
  const seed = flags.seed === undefined ? DEMO_DEFAULTS.seed : Number(flags.seed)
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) return '--seed 应为非负整数'
  const errorRate = flags['error-rate'] === undefined ? DEMO_DEFAULTS.errorRate : Number(flags['error-rate'])
  if (!(errorRate >= 0 && errorRate <= 0.5)) return '--error-rate 应在 0 到 0.5 之间'
  const format = flags.format ?? 'both'
  if (!['csv', 'xlsx', 'both'].includes(format)) return '--format 应为 csv、xlsx 或 both'
  const formats: ExportFormat[] = format === 'both' ? ['csv', 'xlsx'] : [format as ExportFormat]
  return {
    out: flags.out === undefined ? undefined : path.resolve(flags.out),
    persons,
    from,
    to,
    seed,
    errorRate,
    formats,
  }
}
