import { describe, expect, it } from 'vitest'
import type { Ast } from '../../../shared/expr/ast.ts'
import { parse } from '../../../shared/expr/parser.ts'

/** Compact S-expression of a syntax tree, for readable assertions. */
function show(ast: Ast): string {
  switch (ast.kind) {
    case 'number':
      return String(ast.value)
    case 'string':
      return `'${ast.value}'`
    case 'date':
      return `#${ast.value}#`
    case 'boolean':
      return String(ast.value)
    case 'null':
      return 'null'
    case 'name':
      return ast.bracketed ? `[${ast.name}]` : ast.name
    case 'param':
      return `@${ast.name}`
    case 'call':
      return `(${ast.name}${ast.args.map((arg) => ` ${show(arg)}`).join('')})`
    case 'negate':
      return `(neg ${show(ast.operand)})`
    case 'not':
      return `(not ${show(ast.operand)})`
    case 'arithmetic':
    case 'compare':
    case 'logic':
      return `(${ast.op} ${show(ast.left)} ${show(ast.right)})`
    case 'predicate':
      return `(${ast.negated ? 'not-' : ''}${ast.op} ${show(ast.left)} ${show(ast.right)})`
    case 'in':
      return `(${ast.negated ? 'not-' : ''}in ${show(ast.operand)} ${ast.list ? '[' : ''}${ast.items.map(show).join(' ')}${ast.list ? ']' : ''})`
    case 'between':
      return `(${ast.negated ? 'not-' : ''}between ${show(ast.operand)} ${show(ast.low)} ${show(ast.high)})`
    case 'isEmpty':
      return `(${ast.negated ? 'not-' : ''}empty ${show(ast.operand)})`
  }
}

function tree(text: string): string {
  const result = parse(text)
  if (!result.ok) throw new Error(result.errors[0].message)
  return show(result.ast)
}

function error(text: string) {
  const result = parse(text)
  if (result.ok) throw new Error(`parsed: ${show(result.ast)}`)
  return result.errors[0]
}

describe('precedence', () => {
  it.each([
    ['a 或 b 且 c', '(or a (and b c))'],
    ['a 且 b 或 c', '(or (and a b) c)'],
    ['非 a 且 b', '(and (not a) b)'],
    ['非 a = 1', '(not (= a 1))'],
    ['not not a', '(not (not a))'],
    ['a + b * c - d', '(- (+ a (* b c)) d)'],
    ['a / b % c', '(% (/ a b) c)'],
    ['-a * -3', '(* (neg a) (neg 3))'],
    ['+a', 'a'],
    ['(a + b) * c', '(* (+ a b) c)'],
    ['a + 1 > b 且 c', '(and (> (+ a 1) b) c)'],
    ['不捕人数 / (批捕人数 + 不捕人数)', '(/ 不捕人数 (+ 批捕人数 不捕人数))'],
  ])('%s', (text, expected) => {
    expect(tree(text)).toBe(expected)
  })
})

describe('constructs', () => {
  it.each([
    ['审结日期 < 受理日期', '(< 审结日期 受理日期)'],
    ['a = 1', '(= a 1)'],
    ['a == 1', '(= a 1)'],
    ['a <> 1', '(!= a 1)'],
    ['a ≠ 1', '(!= a 1)'],
    ['a ≥ 1', '(>= a 1)'],
    ['天数差(受理日期, 审结日期) > 7', '(> (天数差 受理日期 审结日期) 7)'],
    ['天数差（受理日期，审结日期）＞７', '(> (天数差 受理日期 审结日期) 7)'],
    ['今天()', '(今天)'],
    ['如果(a, 1, 2)', '(如果 a 1 2)'],
    [
      "审结处理结果 = '批准逮捕' 且 前科 = '无' 且 应当逮捕情形 包含 '曾经故意犯罪'",
      "(and (and (= 审结处理结果 '批准逮捕') (= 前科 '无')) (contains 应当逮捕情形 '曾经故意犯罪'))",
    ],
    ["a in ('x', 'y')", "(in a ['x' 'y'])"],
    ["a 属于 ('x'、'y')", "(in a ['x' 'y'])"],
    ["a not in ('x')", "(not-in a ['x'])"],
    ["a 不属于 ('x', 'y')", "(not-in a ['x' 'y'])"],
    ['审结案由 属于 移送其他案由', '(in 审结案由 移送其他案由)'],
    ['属于(审结案由, 移送其他案由)', '(属于 审结案由 移送其他案由)'],
    ['a between 1 and 5', '(between a 1 5)'],
    ['a 介于 1 和 5', '(between a 1 5)'],
    ['a 介于 1 与 5 之间', '(between a 1 5)'],
    ['a 介于 1 且 5 之间', '(between a 1 5)'],
    ['a not between 1 and 5', '(not-between a 1 5)'],
    ['a 不介于 1 和 5', '(not-between a 1 5)'],
    ['a between 1 and 5 and b', '(and (between a 1 5) b)'],
    ['a 为空', '(empty a)'],
    ['a 不为空', '(not-empty a)'],
    ['a is null', '(empty a)'],
    ['a IS NOT NULL', '(not-empty a)'],
    ['非 a 为空', '(not (empty a))'],
    ["a 包含 '盗窃'", "(contains a '盗窃')"],
    ["a 不包含 '盗窃'", "(not-contains a '盗窃')"],
    ["a not contains '盗窃'", "(not-contains a '盗窃')"],
    ["a 开头是 '32'", "(startsWith a '32')"],
    ["a 结尾是 '罪'", "(endsWith a '罪')"],
    ["a 匹配 '^\\d+$'", "(matches a '^\\d+$')"],
    ['[审查起诉阶段量刑建议（自）有期徒刑刑期] > 12', '(> [审查起诉阶段量刑建议（自）有期徒刑刑期] 12)'],
    ['【是否 涉外】 = 是', '(= [是否 涉外] true)'],
    ['a = 假', '(= a false)'],
    ['coalesce(a, 空值)', '(coalesce a null)'],
    ['a < #2024-01-05#', '(< a #2024-01-05#)'],
    ["a >= 日期('2024-01-01')", "(>= a (日期 '2024-01-01'))"],
    ['年(a) = 2024 且 月(a) <= 6', '(and (= (年 a) 2024) (<= (月 a) 6))'],
    ['len(a) <> 18', '(!= (len a) 18)'],
    ['a + 1 为空', '(empty (+ a 1))'],
    ["包含任一(移送其他案由, '盗窃罪', '诈骗罪')", "(包含任一 移送其他案由 '盗窃罪' '诈骗罪')"],
  ])('%s', (text, expected) => {
    expect(tree(text)).toBe(expected)
  })

  it('keeps spans of nodes and operators', () => {
    const result = parse('天数差(受理日期, 审结日期) > 7')
    expect(result.ok && result.ast).toMatchObject({
      kind: 'compare',
      span: { start: 0, end: 19 },
      opSpan: { start: 16, end: 17 },
      left: { kind: 'call', nameSpan: { start: 0, end: 3 }, span: { start: 0, end: 15 } },
    })
  })
})

describe('errors say what was expected and where', () => {
  it.each([
    [
      '(受理日期 且',
      '第 1 行第 8 列：此处应为字段名、数字、字符串、日期、函数或“(”，但表达式已结束',
      ['字段名', '数字', '字符串', '日期', '函数', '“(”'],
    ],
    ['(受理日期 > 1 且 b', '第 1 行第 14 列：此处应为“)”，但表达式已结束', ['“)”']],
    ['天数差(受理日期 审结日期)', '第 1 行第 10 列：此处应为“,”或“)”，实际为“审结日期”', ['“,”', '“)”']],
    [
      '天数差(受理日期,)',
      '第 1 行第 10 列：此处应为字段名、数字、字符串、日期、函数或“(”，实际为“)”',
      undefined,
    ],
    ['今天(', '第 1 行第 4 列：此处应为参数或“)”，但表达式已结束', ['参数', '“)”']],
    ['', '第 1 行第 1 列：表达式为空', undefined],
    ['   ', '第 1 行第 1 列：表达式为空', undefined],
    ['a = ', '第 1 行第 5 列：此处应为字段名、数字、字符串、日期、函数或“(”，但表达式已结束', undefined],
    ['且 a', '第 1 行第 1 列：此处应为字段名、数字、字符串、日期、函数或“(”，实际为“且”', undefined],
    [
      'a b',
      '第 1 行第 3 列：此处应为运算符、“且”、“或”或表达式结束，实际为“b”',
      ['运算符', '“且”', '“或”', '表达式结束'],
    ],
    ['(a = 1) 且 (b = 2))', '第 1 行第 18 列：此处应为运算符、“且”、“或”或表达式结束，实际为“)”', undefined],
    [
      '1 < a < 5',
      '第 1 行第 7 列：比较和判断不能连写（如 1 < x < 5），请用“且”或“或”连接，如 x > 1 且 x < 5',
      ['“且”', '“或”'],
    ],
    [
      'a 为空 为空',
      '第 1 行第 6 列：比较和判断不能连写（如 1 < x < 5），请用“且”或“或”连接，如 x > 1 且 x < 5',
      undefined,
    ],
    ['a 介于 1 5', '第 1 行第 8 列：此处应为“和”或“and”，实际为“5”', ['“和”', '“and”']],
    ['a is 5', '第 1 行第 6 列：此处应为“null”或“not null”，实际为“5”', undefined],
    ["a in ('x' 'y')", "第 1 行第 11 列：此处应为“,”或“)”，实际为“'y'”", undefined],
    [
      "前科 = '无'\n且 b =",
      '第 2 行第 6 列：此处应为字段名、数字、字符串、日期、函数或“(”，但表达式已结束',
      undefined,
    ],
  ])('%j', (text, message, expected) => {
    const problem = error(text)
    expect(problem.message).toBe(message)
    if (expected) expect(problem.expected).toEqual(expected)
  })

  it('reports offset and length of the offending token', () => {
    expect(error('(a = 1 且 b')).toMatchObject({ offset: 10, length: 0, line: 1, column: 11 })
    expect(error('a 且 且')).toMatchObject({ offset: 4, length: 1, column: 5 })
  })

  it('hints at a missing space around a glued keyword', () => {
    expect(error("前科='无'且应当逮捕情形 包含 '曾经故意犯罪'").message).toBe(
      '第 1 行第 7 列：此处应为运算符、“且”、“或”或表达式结束，实际为“且应当逮捕情形”（关键字“且”前后需要空格）',
    )
  })
})
