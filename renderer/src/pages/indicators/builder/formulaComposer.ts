/**
 * The numerator / denominator composer: a formula made of two sums of measures,
 * `不捕人数 / (批捕人数 + 不捕人数)`, and back. A formula of another shape (weights, differences,
 * constants) is left to the hand-written text; `decomposeFormula` then gives null.
 */
import type { Ast } from '../../../../../shared/expr/ast.ts'
import { parse, writtenName } from '../../../../../shared/expr/index.ts'
import { tokenize } from '../../../../../shared/expr/lexer.ts'

export interface ComposedFormula {
  numerator: string[]
  /** Empty: no division (a count, a sum, an average). */
  denominator: string[]
}

function sum(names: readonly string[], bracket: boolean): string {
  const text = names.map(writtenName).join(' + ')
  return bracket && names.length > 1 ? `(${text})` : text
}

/**
 * @example composeFormula({ numerator: ['不捕人数'], denominator: ['批捕人数', '不捕人数'] })
 *   === '不捕人数 / (批捕人数 + 不捕人数)'
 */
export function composeFormula({ numerator, denominator }: ComposedFormula): string {
  if (denominator.length === 0) return sum(numerator, false)
  if (numerator.length === 0) return ''
  return `${sum(numerator, true)} / ${sum(denominator, true)}`
}

/** The numerator and denominator of a composer-shaped formula; null for any other formula. */
export function decomposeFormula(text: string): ComposedFormula | null {
  if (text.trim() === '') return { numerator: [], denominator: [] }
  const parsed = parse(text)
  if (!parsed.ok) return null
  const ast = parsed.ast
  if (ast.kind === 'arithmetic' && ast.op === '/') {
    const numerator = names(ast.left)
    const denominator = names(ast.right)
    return numerator && denominator ? { numerator, denominator } : null
  }
  const numerator = names(ast)
  return numerator ? { numerator, denominator: [] } : null
}

/** `a + b + c` → ['a', 'b', 'c']; null for anything but a sum of names. */
function names(ast: Ast): string[] | null {
  if (ast.kind === 'name') return [ast.name]
  if (ast.kind === 'arithmetic' && ast.op === '+') {
    const left = names(ast.left)
    const right = names(ast.right)
    return left && right ? [...left, ...right] : null
  }
  return null
}

/** Adds or removes a measure from one side, keeping the order of the others. */
export function toggleTerm(
  composed: ComposedFormula,
  side: keyof ComposedFormula,
  name: string,
): ComposedFormula {
  const terms = composed[side]
  const next = terms.includes(name) ? terms.filter((term) => term !== name) : [...terms, name]
  return { ...composed, [side]: next }
}

/**
 * The formula with every use of a measure renamed; other text (spacing, brackets, numbers) unchanged.
 * Text the lexer cannot read is returned as it is.
 */
export function renameInFormula(text: string, from: string, to: string): string {
  let tokens
  try {
    tokens = tokenize(text)
  } catch {
    return text
  }
  let result = ''
  let position = 0
  for (const token of tokens) {
    if (token.kind !== 'name' || token.value !== from) continue
    result += text.slice(position, token.start) + writtenName(to)
    position = token.end
  }
  return result + text.slice(position)
}

/** Measure names the formula reads (names only, no checking); empty for unreadable text. */
export function formulaNames(text: string): string[] {
  try {
    return [
      ...new Set(
        tokenize(text).flatMap((token) =>
          token.kind === 'name' && !isCall(text, token.end) ? [token.value] : [],
        ),
      ),
    ]
  } catch {
    return []
  }
}

const isCall = (text: string, end: number) => /^\s*[(（]/.test(text.slice(end))
