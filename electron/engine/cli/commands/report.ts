import fs from 'node:fs'
import path from 'node:path'
import type { EngineEvents } from '../../../../shared/ipc/contract.ts'
import type { ReportExportResult, ReportTemplateSummary } from '../../../../shared/ipc/report-contract.ts'
import { createLocalHost } from '../../host/local-host.ts'
import { errorLine, type CliIo, type CliOptions } from '../io.ts'

export interface ReportFlags {
  template?: string
  period?: string
  unit?: string[]
  compare?: string[]
  out?: string
  list?: boolean
  'exclude-flagged'?: boolean
}

const list = (values: string[] | undefined) =>
  (values ?? []).flatMap((v) => v.split(/[,，、\s]+/)).filter((v) => v !== '')

const PHASES: Record<EngineEvents['report/progress']['phase'], string> = {
  computing: '计算指标',
  composing: '组织内容',
  charts: '生成图表',
  writing: '写入文档',
  done: '完成',
}

/**
 * `yanpan report --template NAME --period P [--unit CODE] [--compare CODE,...] [--exclude-flagged]
 * --out FILE.docx`: writes a Word report (for scheduled use); `yanpan report --list [--json]` prints
 * the templates. Exits non-zero with a Chinese message on a bad template, period or unit.
 */
export async function reportCommand(options: CliOptions, flags: ReportFlags, io: CliIo): Promise<number> {
  if (!flags.list) {
    const missing = !flags.template ? '--template' : !flags.period ? '--period' : !flags.out ? '--out' : null
    if (missing) {
      io.err(
        `请用 ${missing} 指定${missing === '--template' ? '报告模板' : missing === '--period' ? '期间' : '输出文件'}，` +
          '例如：yanpan report --template quarterly --period 2025Q3 --unit 320100 --out 报告.docx（yanpan report --list 列出模板）',
      )
      return 2
    }
    if (!flags.out!.toLowerCase().endsWith('.docx')) {
      io.err(`输出文件「${flags.out}」应以 .docx 结尾。`)
      return 2
    }
  }
  const units = list(flags.unit)
  if (units.length > 1) {
    io.err('报告只能指定一个单位（--unit）；要并列比较的单位请用 --compare。')
    return 2
  }
  if (options.db !== ':memory:' && !fs.existsSync(options.db)) {
    io.err(`工作区文件「${options.db}」不存在：请用 --db 指定已导入数据的工作区。`)
    return 1
  }
  const host = createLocalHost(options.db)
  try {
    if (flags.list) {
      const envelope = await host.call('report/templates', {})
      if (!envelope.ok) {
        io.err(errorLine(envelope.error))
        return 1
      }
      const templates = envelope.value as ReportTemplateSummary[]
      if (options.json) io.out(JSON.stringify(templates))
      else
        for (const t of templates)
          io.out(`${t.id}\t${t.name}\t${t.source === 'builtin' ? '内置' : '自定义'}\t${t.description}`)
      return 0
    }
    host.onEvent((event, payload) => {
      if (event !== 'report/progress') return
      const p = payload as EngineEvents['report/progress']
      io.progress(`${PHASES[p.phase]}（${p.done}/${p.total}）`)
    })
    const envelope = await host.call('report/export', {
      template: flags.template!,
      period: flags.period!,
      unit: units[0],
      compareUnits: list(flags.compare),
      excludeFlagged: flags['exclude-flagged'] ?? false,
    })
    io.progress('\n')
    if (!envelope.ok) {
      io.err(errorLine(envelope.error))
      return 1
    }
    const result = envelope.value as ReportExportResult
    const target = path.resolve(flags.out!)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    const source = path.join(host.exportDir, result.file)
    fs.copyFileSync(source, target)
    fs.rmSync(source, { force: true })
    if (options.json) io.out(JSON.stringify({ ...result, file: target }))
    else
      io.out(
        `已生成「${result.name.replace(/\.docx$/, '')}」：${target}\n` +
          `  ${result.paragraphs} 段文字，${result.tables} 个表格，${result.charts} 张图表，用时 ${(result.elapsedMs / 1000).toFixed(1)} 秒`,
      )
    return 0
  } finally {
    await host.close()
  }
}
