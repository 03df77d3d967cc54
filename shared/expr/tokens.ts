/**
 * Tokens of the expression language and the keyword table (English keywords are case-insensitive).
 *
 * Chinese keywords are whole identifier runs: `审结日期 为空` has the keyword, but `审结日期为空` is
 * one (unknown) name, because field names themselves contain words like 包含 / 和解 / 非公. The
 * checker then suggests the spaced form.
 */

export type Keyword =
  | 'and'
  | 'or'
  | 'not'
  | 'in'
  | 'notIn'
  | 'between'
  | 'notBetween'
  /** 和 / 与: the separator of 介于 … 和 … */
  | 'with'
  /** 之间: optional end of 介于 … 和 … 之间 */
  | 'betweenEnd'
  | 'isEmpty'
  | 'notEmpty'
  | 'is'
  | 'null'
  | 'true'
  | 'false'
  | 'contains'
  | 'notContains'
  | 'startsWith'
  | 'endsWith'
  | 'matches'

export type Operator = '+' | '-' | '*' | '/' | '%' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '(' | ')' | ','

interface TokenBase {
  /** The token as written (for messages). */
  text: string
  start: number
  end: number
  line: number
  column: number
}

export type Token =
  | (TokenBase & { kind: 'number'; value: number })
  | (TokenBase & { kind: 'string'; value: string })
  | (TokenBase & { kind: 'date'; value: string })
  | (TokenBase & { kind: 'name'; value: string; bracketed: boolean })
  /** `@天数上限`: value is the parameter's name, without the `@`. */
  | (TokenBase & { kind: 'param'; value: string })
  | (TokenBase & { kind: 'keyword'; value: Keyword })
  | (TokenBase & { kind: 'operator'; value: Operator })
  | (TokenBase & { kind: 'end'; value: '' })

export const KEYWORDS: Readonly<Record<string, Keyword>> = {
  and: 'and',
  且: 'and',
  并且: 'and',
  or: 'or',
  或: 'or',
  或者: 'or',
  not: 'not',
  非: 'not',
  in: 'in',
  属于: 'in',
  不属于: 'notIn',
  between: 'between',
  介于: 'between',
  不介于: 'notBetween',
  和: 'with',
  与: 'with',
  之间: 'betweenEnd',
  为空: 'isEmpty',
  不为空: 'notEmpty',
  is: 'is',
  null: 'null',
  空值: 'null',
  true: 'true',
  真: 'true',
  是: 'true',
  false: 'false',
  假: 'false',
  否: 'false',
  contains: 'contains',
  包含: 'contains',
  不包含: 'notContains',
  startswith: 'startsWith',
  开头是: 'startsWith',
  endswith: 'endsWith',
  结尾是: 'endsWith',
  matches: 'matches',
  匹配: 'matches',
}

/**
 * Chinese operator words, longest first: used to spot one glued to a name (`审结日期为空`,
 * `且前科`) and suggest the spaced form. Single-character words that often start real names
 * (是, 否, 非, 和, 与) are left out so the hint is not misleading.
 */
export const CHINESE_OPERATOR_WORDS: readonly string[] = [
  '不为空',
  '不包含',
  '不属于',
  '不介于',
  '开头是',
  '结尾是',
  '并且',
  '或者',
  '为空',
  '包含',
  '属于',
  '介于',
  '匹配',
  '之间',
  '且',
  '或',
]

/** Looks a word up as a keyword: exact for Chinese, case-insensitive for English. */
export function keywordOf(word: string): Keyword | undefined {
  if (Object.hasOwn(KEYWORDS, word)) return KEYWORDS[word]
  const lower = word.toLowerCase()
  return lower !== word && Object.hasOwn(KEYWORDS, lower) ? KEYWORDS[lower] : undefined
}
