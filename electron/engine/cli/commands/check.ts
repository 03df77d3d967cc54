import type { RuleSummary, RunSummary } from '../../../../shared/ipc/quality-contract.ts'
import { SEVERITY_NAMES } from '../../../../shared/quality/rule.ts'
import { createLocalHost } from '../../host/local-host.ts'
import { activeFlagList } from '../../quality/active-flags.ts'
import { errorLine, type CliIo, type CliOptions } from '../io.ts'

/**
 * `yanpan check [--rules R006,R034] [--json]`: runs the enabled rules (or the listed ones) over all
 * datasets, re-checking only what changed since the last run, and prints the flags still to act on
 * (待核查, 已确认). `--json` prints exactly
 * `{"flags":[{"rule","dataset","key":{"部门受案号","嫌疑人编号"},"severity","message"}],"summary":{"rules","records","flags"}}`.
 */
export async function checkCommand(
  options: CliOptions,
  ruleList: string | undefined,
  io: CliIo,
): Promise<number> {
  const rules = ruleList === undefined ? undefined : ruleList.split(/[,，\s]+/).filter(Boolean)
  if (rules !== undefined && rules.length === 0) {
    io.err('请在 --rules 后列出规则编号，例如：yanpan check --rules R006,R034')
    return 2
  }
  const host = createLocalHost(options.db)
  try {
    const envelope = await host.call('flags/run', rules ? { rules } : {})
    if (!envelope.ok) {
      io.err(errorLine(envelope.error))
      return 1
    }
    const summary = envelope.value as RunSummary
    let ran = rules
    if (ran === undefined) {
      const list = await host.call('rules/list', {})
      ran = list.ok ? (list.value as RuleSummary[]).filter((r) => r.enabled).map((r) => r.id) : []
    }
    const flags = activeFlagList(host.ctx.db, ran)
    if (options.json) {
      io.out(
        JSON.stringify({
          flags,
          summary: { rules: summary.rules, records: summary.records, flags: flags.length },
        }),
      )
      return 0
    }
    io.out(
      `核查完成：${summary.rules} 条规则，${summary.records} 条记录（本次检查 ${summary.rechecked ?? summary.records} 条），` +
        `待处理 ${flags.length} 条（新增 ${summary.newFlags}，已整改 ${summary.rectified}），用时 ${(summary.ms / 1000).toFixed(1)} 秒。`,
    )
    for (const s of summary.skipped) io.out(`  未运行 ${s.rule}：${s.reason}`)
    const byRule = new Map<string, number>()
    for (const f of flags) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1)
    for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1])) {
      const first = flags.find((f) => f.rule === rule)!
      io.out(
        `  ${rule}（${SEVERITY_NAMES[first.severity]}）${n} 条，例：${first.key.部门受案号 ?? ''} ${first.key.嫌疑人编号 ?? ''} ${first.message}`,
      )
    }
    return 0
  } finally {
    await host.close()
  }
}
