/**
 * The data-quality channels (shared/ipc/quality-contract.ts): rules, runs, flags, statuses, the
 * whitelist and exports. Each handler is one call into its module.
 */
import type { ParsedArgs } from '../../../shared/ipc/contract.ts'
import type { QualityResults } from '../../../shared/ipc/quality-contract.ts'
import type { Rule } from '../../../shared/quality/rule.ts'
import { nowIso } from '../clock.ts'
import type { EngineContext } from '../services/context.ts'
import { exportFlagsXlsx } from './export-xlsx.ts'
import { flagStats, pageFlags } from './flags-query.ts'
import { updateFlags } from './flags-update.ts'
import { libraryRule } from './library.ts'
import { previewRule } from './preview.ts'
import { runChecks } from './run-checks.ts'
import { checkRule } from './rule-check.ts'
import { deleteRule, saveRule, setRuleEnabled, setRuleParameter } from './rule-edits.ts'
import { listRuleSummaries } from './rule-summaries.ts'
import { loadTargets } from './targets.ts'
import { addToWhitelist, listWhitelist, removeFromWhitelist } from './whitelist.ts'

type QualityHandlers = {
  [C in keyof QualityResults]: (
    ctx: EngineContext,
    args: ParsedArgs<C>,
  ) => QualityResults[C] | Promise<QualityResults[C]>
}

/** A rule as the contract parsed it, with the source the engine decides (library ids stay library). */
function ruleOf(rule: ParsedArgs<'rules/save'>['rule']): Rule {
  return { ...rule, source: libraryRule(rule.id) ? 'library' : 'user' }
}

export const qualityHandlers: QualityHandlers = {
  'rules/list': (ctx) => listRuleSummaries(ctx.db),
  'rules/validate': (ctx, args) => checkRule(ruleOf(args.rule), loadTargets(ctx.db)),
  'rules/preview': (ctx, args) => previewRule(ctx.db, ruleOf(args.rule), args.limit),
  'rules/save': (ctx, args) => saveRule(ctx.db, ruleOf(args.rule)),
  'rules/delete': (ctx, args) => deleteRule(ctx.db, args.id),
  'rules/setEnabled': (ctx, args) => setRuleEnabled(ctx.db, args.id, args.enabled),
  'rules/setParameter': (ctx, args) => setRuleParameter(ctx.db, args.id, args.name, args.value),
  'flags/run': (ctx, args) => {
    const now = nowIso()
    return runChecks(ctx.db, { rules: args.rules, today: now.slice(0, 10), now, dbPath: ctx.dbPath })
  },
  'flags/page': (ctx, args) => pageFlags(ctx.db, args),
  'flags/stats': (ctx, args) => flagStats(ctx.db, args.filter),
  'flags/update': (ctx, args) => updateFlags(ctx.db, args),
  'whitelist/add': (ctx, args) => addToWhitelist(ctx.db, args.flagIds, args.reviewer, args.note),
  'whitelist/list': (ctx) => listWhitelist(ctx.db),
  'whitelist/remove': (ctx, args) => removeFromWhitelist(ctx.db, args.ids),
  'flags/exportXlsx': (ctx, args) => exportFlagsXlsx(ctx.db, ctx.exportDir, args.filter, args.splitBy),
}
