/**
 * An indicator formula over measure names (`不捕人数 / (批捕人数 + 不捕人数)`), in the expression
 * language: measures are number fields, so the parser, its Chinese errors and the evaluator's
 * NULL rules (x / 0 is NULL) are the ones rules use. A top-level division splits the formula into the
 * numerator and denominator every result reports and every drill-down opens.
 */
import {
  applyArithmetic,
  compileExpression,
  evaluate,
  referencedFields,
  type ExprError,
  type Ir,
} from '../expr/index.ts'

export interface CompiledFormula {
  ir: Ir
  numerator: Ir
  /** null: the formula is a count or an average, not a ratio. */
  denominator: Ir | null
  /** Measure names read by the numerator / denominator. */
  numeratorMeasures: string[]
  denominatorMeasures: string[]
}

export type FormulaResult = { ok: true; formula: CompiledFormula } | { ok: false; errors: ExprError[] }

export function compileFormula(text: string, measureNames: readonly string[]): FormulaResult {
  const fields = measureNames.map((name, i) => ({ name, type: 'decimal' as const, column: `m${i}` }))
  const compiled = compileExpression(text, fields)
  if (!compiled.ok) return { ok: false, errors: compiled.errors }
  if (compiled.type !== 'number') {
    const message = '公式的结果应为数字（例如：不捕人数 / (批捕人数 + 不捕人数)）'
    return {
      ok: false,
      errors: [{ message, offset: 0, length: text.length, line: 1, column: 1, expected: [] }],
    }
  }
  const ir = compiled.ir
  const ratio = ir.kind === 'arithmetic' && ir.op === '/'
  const numerator = ratio ? ir.left : ir
  const denominator = ratio ? ir.right : null
  const names = (part: Ir | null) => (part === null ? [] : [...new Set(referencedFields(part))])
  return {
    ok: true,
    formula: {
      ir,
      numerator,
      denominator,
      numeratorMeasures: names(numerator),
      denominatorMeasures: names(denominator),
    },
  }
}

/** Value of a formula part given each measure's value by name; null when undefined (x / 0). */
export function evaluatePart(part: Ir, values: ReadonlyMap<string, number | null>): number | null {
  const record: Record<string, unknown> = {}
  for (const [name, value] of values) record[name] = value
  const result = evaluate(part, record)
  return typeof result === 'number' && Number.isFinite(result) ? result : null
}

export type NumericFn = (values: ReadonlyArray<number | null>) => number | null

/**
 * A formula part as a plain JS function over measure values by position (`names` order), for the
 * dashboard's hundreds of thousands of figures. Arithmetic follows the language's NULL rules (NULL in,
 * NULL out; x / 0 and x % 0 are NULL); anything beyond arithmetic falls back to `evaluate`.
 */
export function compileNumeric(part: Ir, names: readonly string[]): NumericFn {
  const build = (node: Ir): NumericFn | null => {
    switch (node.kind) {
      case 'literal':
        if (typeof node.value === 'number' || node.value === null) {
          const value = node.value
          return () => value
        }
        return null
      case 'field': {
        const index = names.indexOf(node.name)
        return index < 0 ? null : (v) => v[index] ?? null
      }
      case 'negate': {
        const operand = build(node.operand)
        return (
          operand &&
          ((v) => {
            const x = operand(v)
            return x === null ? null : -x
          })
        )
      }
      case 'arithmetic': {
        const left = build(node.left)
        const right = build(node.right)
        if (!left || !right) return null
        const op = node.op
        return (v) => applyArithmetic(op, left(v), right(v))
      }
      default:
        return null
    }
  }
  const fast = build(part)
  if (fast) return fast
  return (values) => evaluatePart(part, new Map(names.map((name, i) => [name, values[i] ?? null])))
}
