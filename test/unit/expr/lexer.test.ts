import { describe, expect, it } from 'vitest'
import { ExprSyntaxError } from '../../../shared/expr/errors.ts'
import { tokenize } from '../../../shared/expr/lexer.ts'

/** kind:value pairs, without the end token. */
function lex(text: string): string[] {
  return tokenize(text)
    .slice(0, -1)
    .map((token) => `${token.kind}:${token.value}`)
}

function lexError(text: string): string {
  try {
    tokenize(text)
  } catch (error) {
    if (error instanceof ExprSyntaxError) return error.error.message
    throw error
  }
  throw new Error(`no error for ${text}`)
}

describe('names', () => {
  it('reads Chinese names, underscores and digits inside names', () => {
    expect(lex('受理日期 全案_审结日期 案件2 _x')).toEqual([
      'name:受理日期',
      'name:全案_审结日期',
      'name:案件2',
      'name:_x',
    ])
  })

  it('reads bracketed names with symbols, brackets and spaces', () => {
    expect(lex('[审查起诉阶段量刑建议（自）有期徒刑刑期] 【是否 涉外】 ［a-b］')).toEqual([
      'name:审查起诉阶段量刑建议（自）有期徒刑刑期',
      'name:是否 涉外',
      'name:a-b',
    ])
    expect(tokenize('[且]')[0]).toMatchObject({ kind: 'name', value: '且', bracketed: true })
  })

  it('treats a keyword glued to a name as part of the name', () => {
    expect(lex('审结日期为空')).toEqual(['name:审结日期为空'])
    expect(lex('是否刑事和解')).toEqual(['name:是否刑事和解'])
  })
})

describe('keywords', () => {
  it('reads Chinese and English keywords, English case-insensitively', () => {
    expect(lex('且 并且 and AND 或 或者 or 非 not NOT')).toEqual([
      'keyword:and',
      'keyword:and',
      'keyword:and',
      'keyword:and',
      'keyword:or',
      'keyword:or',
      'keyword:or',
      'keyword:not',
      'keyword:not',
      'keyword:not',
    ])
    expect(lex('属于 不属于 in 介于 不介于 between 和 与 之间 为空 不为空 is null 空值')).toEqual([
      'keyword:in',
      'keyword:notIn',
      'keyword:in',
      'keyword:between',
      'keyword:notBetween',
      'keyword:between',
      'keyword:with',
      'keyword:with',
      'keyword:betweenEnd',
      'keyword:isEmpty',
      'keyword:notEmpty',
      'keyword:is',
      'keyword:null',
      'keyword:null',
    ])
    expect(
      lex('包含 不包含 contains 开头是 startsWith 结尾是 EndsWith 匹配 matches 真 假 是 否 true False'),
    ).toEqual([
      'keyword:contains',
      'keyword:notContains',
      'keyword:contains',
      'keyword:startsWith',
      'keyword:startsWith',
      'keyword:endsWith',
      'keyword:endsWith',
      'keyword:matches',
      'keyword:matches',
      'keyword:true',
      'keyword:false',
      'keyword:true',
      'keyword:false',
      'keyword:true',
      'keyword:false',
    ])
  })

  it('does not take object prototype names for keywords', () => {
    expect(lex('constructor toString')).toEqual(['name:constructor', 'name:toString'])
  })
})

describe('literals', () => {
  it('reads strings in ASCII and Chinese quotes, a doubled quote standing for itself', () => {
    expect(lex(`'批准逮捕' "无" “曾经故意犯罪” ‘盗窃罪’ 'It''s' “说””了”`)).toEqual([
      'string:批准逮捕',
      'string:无',
      'string:曾经故意犯罪',
      'string:盗窃罪',
      "string:It's",
      'string:说”了',
    ])
  })

  it('keeps backslashes as written, so regular expressions need no escaping', () => {
    expect(lex(String.raw`'^\d{6}$'`)).toEqual([String.raw`string:^\d{6}$`])
  })

  it('reads integers, decimals and full-width digits', () => {
    expect(lex('7 0.25 １２ ３．５ 007')).toEqual([
      'number:7',
      'number:0.25',
      'number:12',
      'number:3.5',
      'number:7',
    ])
  })

  it('reads date literals in any form parseDate accepts', () => {
    expect(lex('#2024-01-05# #2024年1月5日# #2024/2/29#')).toEqual([
      'date:2024-01-05',
      'date:2024-01-05',
      'date:2024-02-29',
    ])
  })
})

describe('operators', () => {
  it('reads ASCII, full-width and math forms', () => {
    expect(lex('+ - * / % = == != <> < <= > >=')).toEqual(
      ['+', '-', '*', '/', '%', '=', '=', '!=', '!=', '<', '<=', '>', '>='].map((op) => `operator:${op}`),
    )
    expect(lex('＋ － ＊ ／ ％ ＝ ≠ ！＝ ＜＞ ＜ ≤ ＜＝ ＞ ≥ ＞＝ × ÷')).toEqual(
      ['+', '-', '*', '/', '%', '=', '!=', '!=', '!=', '<', '<=', '<=', '>', '>=', '>=', '*', '/'].map(
        (op) => `operator:${op}`,
      ),
    )
    expect(lex('（ ） ， 、 ( ) ,')).toEqual(
      ['(', ')', ',', ',', '(', ')', ','].map((op) => `operator:${op}`),
    )
  })

  it('splits operators from names without spaces', () => {
    expect(lex("前科='无'")).toEqual(['name:前科', 'operator:=', 'string:无'])
    expect(lex('天数差（受理日期，审结日期）>7')).toEqual([
      'name:天数差',
      'operator:(',
      'name:受理日期',
      'operator:,',
      'name:审结日期',
      'operator:)',
      'operator:>',
      'number:7',
    ])
  })
})

describe('positions', () => {
  it('gives offsets, lines and columns', () => {
    const tokens = tokenize('受理日期 <\n  审结日期')
    expect(tokens.map(({ start, end, line, column }) => ({ start, end, line, column }))).toEqual([
      { start: 0, end: 4, line: 1, column: 1 },
      { start: 5, end: 6, line: 1, column: 6 },
      { start: 9, end: 13, line: 2, column: 3 },
      { start: 13, end: 13, line: 2, column: 7 },
    ])
  })

  it('counts a character outside the BMP as one column', () => {
    const tokens = tokenize("'𠀀' = x")
    expect(tokens[1]).toMatchObject({ start: 5, column: 5 })
  })

  it('handles CRLF line ends', () => {
    expect(tokenize('a\r\nb')[1]).toMatchObject({ line: 2, column: 1 })
  })
})

describe('errors', () => {
  it.each([
    ['前科 @ 1', '第 1 行第 4 列：无法识别的字符“@”'],
    ["前科 = '无", "第 1 行第 6 列：字符串缺少结束引号“'”"],
    ['前科 = “无', '第 1 行第 6 列：字符串缺少结束引号“””'],
    ['[审结日期 < 1', '第 1 行第 1 列：字段名缺少结束括号“]”'],
    ['[ ] = 1', '第 1 行第 1 列：括号中的字段名为空'],
    ['受理日期 < #2023-02-29#', '第 1 行第 8 列：“2023-02-29”不是有效日期，日期应写作 #2024-01-05#'],
    ['受理日期 < #2024-01-05', '第 1 行第 8 列：日期缺少结束的“#”，日期应写作 #2024-01-05#'],
    ['x > 99999999999999999999', '第 1 行第 5 列：数字“99999999999999999999”超出范围'],
    ['x\n  ! y', '第 2 行第 3 列：无法识别的字符“!”'],
  ])('%s', (text, message) => {
    expect(lexError(text)).toBe(message)
  })
})
