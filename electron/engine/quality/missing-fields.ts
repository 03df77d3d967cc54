/**
 * Optional fields an export lacks read as 空值: their field nodes become null literals of the same
 * type, so the SQL never names a column that is not there and the rule's logic stays three-valued
 * (`或` with an unknown side is decided by the other side).
 */
import type { Ir } from '../../../shared/expr/index.ts'

function isIr(value: unknown): value is Ir {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string'
}

/** A copy of `ir` with every field whose name is in `missing` replaced by a typed null literal. */
export function withoutFields(ir: Ir, missing: ReadonlySet<string>): Ir {
  if (missing.size === 0) return ir
  const visit = (node: Ir): Ir => {
    if (node.kind === 'field' && missing.has(node.name))
      return { kind: 'literal', type: node.type, value: null }
    const copy: Record<string, unknown> = { ...node }
    for (const [key, value] of Object.entries(node)) {
      if (Array.isArray(value)) copy[key] = value.map((item) => (isIr(item) ? visit(item) : item))
      else if (isIr(value)) copy[key] = visit(value)
    }
    return copy as Ir
  }
  return visit(ir)
}
