/**
 * Small questions about an IR that callers ask before running it: which fields it reads (a rule's
 * dependencies, the columns a query must select) and whether it needs today's date.
 */
import type { Ir } from './ir.ts'

/** Direct sub-expressions of a node, in evaluation order. */
export function children(ir: Ir): Ir[] {
  switch (ir.kind) {
    case 'literal':
    case 'field':
    case 'today':
    case 'param':
      return []
    case 'negate':
    case 'not':
    case 'isEmpty':
      return [ir.operand]
    case 'arithmetic':
    case 'compare':
    case 'textTest':
      return [ir.left, ir.right]
    case 'logic':
      return ir.operands
    case 'inList':
      return [ir.operand, ...ir.items]
    case 'between':
      return [ir.operand, ir.low, ir.high]
    case 'setHas':
      return [ir.set, ...ir.items]
    case 'subset':
      return [ir.subset, ir.superset]
    case 'call':
    case 'coalesce':
    case 'union':
      return ir.args
    case 'if':
      return [ir.condition, ir.then, ir.otherwise]
  }
}

/**
 * Names of the fields an expression reads, each once, in order of appearance.
 *
 * @example referencedFields(compile('天数差(受理日期, 审结日期) > 7')) → ['受理日期', '审结日期']
 */
export function referencedFields(ir: Ir): string[] {
  const names: string[] = []
  const visit = (node: Ir): void => {
    if (node.kind === 'field' && !names.includes(node.name)) names.push(node.name)
    children(node).forEach(visit)
  }
  visit(ir)
  return names
}

/**
 * Names of the parameters (`@…`) an expression reads, each once, in order of appearance.
 *
 * @example referencedParameters(compile('天数差(受理日期, 审结日期) > @天数上限')) → ['天数上限']
 */
export function referencedParameters(ir: Ir): string[] {
  const names: string[] = []
  const visit = (node: Ir): void => {
    if (node.kind === 'param' && !names.includes(node.name)) names.push(node.name)
    children(node).forEach(visit)
  }
  visit(ir)
  return names
}

/** True when the expression calls 今天(), so its result depends on the day it runs. */
export function usesToday(ir: Ir): boolean {
  return ir.kind === 'today' || children(ir).some(usesToday)
}
