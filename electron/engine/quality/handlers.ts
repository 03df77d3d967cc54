import type { QualityResults } from '../../../shared/ipc/quality-contract.ts'
import type { ParsedArgs } from '../../../shared/ipc/contract.ts'
import { EngineError } from '../errors.ts'
import type { EngineContext } from '../services/context.ts'

type QualityHandlers = {
  [C in keyof QualityResults]: (ctx: EngineContext, args: ParsedArgs<C>) => QualityResults[C] | Promise<QualityResults[C]>
}

const notYet = (): never => {
  throw new EngineError('INTERNAL', '数据质量核查功能正在开发中。')
}

/** PLACEHOLDER while the rule engine is being written: every channel answers "not yet". */
export const qualityHandlers: QualityHandlers = {
  'rules/list': notYet,
  'rules/validate': notYet,
  'rules/preview': notYet,
  'rules/save': notYet,
  'rules/delete': notYet,
  'rules/setEnabled': notYet,
  'rules/setParameter': notYet,
  'flags/run': notYet,
  'flags/page': notYet,
  'flags/stats': notYet,
  'flags/update': notYet,
  'whitelist/add': notYet,
  'whitelist/list': notYet,
  'whitelist/remove': notYet,
  'flags/exportXlsx': notYet,
}
