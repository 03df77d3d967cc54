import { parseArgs } from 'node:util'
import { defaultWorkspacePath } from '../workspace-path.ts'
import { importCommand } from './commands/import.ts'
import { serveCommand } from './commands/serve.ts'
import { batchesCommand, undoCommand } from './commands/batches.ts'
import { demoCommand } from './commands/demo.ts'
import { checkCommand } from './commands/check.ts'
import { indicatorsCommand } from './commands/indicators.ts'
import { anomaliesCommand } from './commands/anomalies.ts'
import { reportCommand } from './commands/report.ts'
import type { CliIo } from './io.ts'

const USAGE = `研判工作台命令行

用法：yanpan <命令> [选项]

命令：
  import 文件... [--json]     导入 .xlsx / .csv / .txt 导出文件（每个文件一个导入批次，全有或全无）
  batches [--json]            列出导入批次
  undo 批次号                 撤销一次导入
  serve [--port N] [--offer-demo]  以浏览器模式启动界面（仅监听 127.0.0.1；--offer-demo：空工作区首次启动时生成演示数据）
  demo [--db 文件] [--out 目录] [--persons N] [--from 2022-01 --to 2025-12] [--seed S] [--error-rate 0.02] [--format csv|xlsx|both] [--json]
                              生成演示省份（江苏）的 010101、020101 导出和 manifest.json；指定 --db 时同时导入该工作区
  check [--rules R006,R034] [--json]
                              数据质量核查：运行启用的规则（或所列规则），只重查上次核查后变化的记录，列出待处理的结果
  indicators --period 期间 [--unit 单位编码]... [--indicator 指标]... [--own] [--exclude-flagged] [--caliber 口径] [--json]
                              计算指标：期间为 2024、2024H1、2024Q3、2024-07 或 2024-01..2024-09（累计）；
                              含下级院（--own 仅本院），附同比、环比、排名；--exclude-flagged 剔除有未解决错误的记录
  anomalies --period 期间 [--unit 单位编码] [--indicator 指标]... [--kind 升降|空白|离群|季节异常]... [--min-severity 高|中|低] [--all] [--json]
                              异常预警：该期间各指标、各单位的升降、空白、离群和季节异常（--unit 为该单位及其下级院），
                              按严重程度排列并说明原因；--all 同时列出已确认的预警
  report --template 模板 --period 期间 [--unit 单位编码] [--compare 单位编码,...] [--exclude-flagged] --out 文件.docx
                              生成 Word 分析报告（模板：quarterly 季度业务数据分析研判报告、annual 年度报告、
                              quality 数据质量通报、topic-minors 未成年人检察专题，或工作区自定义模板；默认单位为省院）
  report --list [--json]      列出可用的报告模板
  help                        显示本帮助

通用选项：
  --db 文件                   工作区文件（也可用环境变量 YANPAN_DB；默认在用户数据目录）
`

/** Runs one CLI invocation; returns the process exit code. */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const [command, ...rest] = argv
  let parsed
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        port: { type: 'string' },
        'offer-demo': { type: 'boolean', default: false },
        // demo
        out: { type: 'string' },
        persons: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        seed: { type: 'string' },
        'error-rate': { type: 'string' },
        format: { type: 'string' },
        // check
        rules: { type: 'string' },
        // indicators
        period: { type: 'string' },
        unit: { type: 'string', multiple: true },
        indicator: { type: 'string', multiple: true },
        caliber: { type: 'string' },
        own: { type: 'boolean' },
        'exclude-flagged': { type: 'boolean' },
        'with-clean': { type: 'boolean' },
        // anomalies
        kind: { type: 'string', multiple: true },
        'min-severity': { type: 'string' },
        all: { type: 'boolean' },
        // report
        template: { type: 'string' },
        compare: { type: 'string', multiple: true },
        list: { type: 'boolean' },
      },
    })
  } catch (error) {
    io.err(`参数错误：${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  const db = parsed.values.db ?? defaultWorkspacePath()
  const options = {
    db,
    json: parsed.values.json ?? false,
    positionals: parsed.positionals,
    port: parsed.values.port,
    offerDemo: parsed.values['offer-demo'] ?? false,
  }
  switch (command) {
    case 'import':
      return importCommand(options, io)
    case 'batches':
      return batchesCommand(options, io)
    case 'undo':
      return undoCommand(options, io)
    case 'serve':
      return serveCommand(options, io)
    case 'demo':
      return demoCommand(options, parsed.values, io)
    case 'check':
      return checkCommand(options, parsed.values.rules, io)
    case 'indicators':
      return indicatorsCommand(options, parsed.values, io)
    case 'anomalies':
      return anomaliesCommand(options, parsed.values, io)
    case 'report':
      return reportCommand(options, parsed.values, io)
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(USAGE)
      return 0
    default:
      io.err(`未知命令「${command}」。\n\n${USAGE}`)
      return 2
  }
}

function defaultIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    progress: process.stderr.isTTY ? (text) => process.stderr.write(`\r${text}`) : () => {},
  }
}
