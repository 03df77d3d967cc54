import { describe, expect, it } from 'vitest'
import { compileExpression, type ExprType, type Ir } from '../../../shared/expr/index.ts'
import { CASE_FIELDS } from '../../helpers/expr-fields.ts'

function compile(text: string, expect?: ExprType): Ir {
  const result = compileExpression(text, CASE_FIELDS, { expect })
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'))
  return result.ir
}

function messages(text: string, expect?: ExprType): string[] {
  const result = compileExpression(text, CASE_FIELDS, { expect })
  if (result.ok) throw new Error(`compiled: ${JSON.stringify(result.ir)}`)
  return result.errors.map((error) => error.message)
}

describe('types', () => {
  it.each([
    ['审结日期 < 受理日期', 'boolean'],
    ['天数差(受理日期, 审结日期)', 'number'],
    ['不捕人数 / (批捕人数 + 不捕人数)', 'number'],
    ['年(受理日期) * 100 + 月(受理日期)', 'number'],
    ['审结处理结果', 'text'],
    ['应当逮捕情形', 'set'],
    ['是否认罪认罚', 'boolean'],
    ['今天()', 'date'],
    ['身份证出生日期(身份证号)', 'date'],
    ['身份证性别(身份证号)', 'text'],
    ['身份证校验(身份证号)', 'boolean'],
    ['长度(应当逮捕情形)', 'number'],
    ["如果(前科 = '无', 受理日期, 空值)", 'date'],
    ['coalesce(审结日期, 全案_审结日期, 今天())', 'date'],
    ['coalesce(空值, 空值)', 'null'],
    ['如果(是否认罪认罚, 应当逮捕情形, 移送其他案由)', 'set'],
    ['[审查起诉阶段量刑建议（自）有期徒刑刑期] % 12', 'number'],
  ])('%s → %s', (text, type) => {
    const result = compileExpression(text, CASE_FIELDS)
    expect(result.ok && result.type).toBe(type)
  })
})

describe('IR', () => {
  it('references fields by name and column', () => {
    expect(compile('审结日期 < 受理日期')).toEqual({
      kind: 'compare',
      type: 'boolean',
      op: '<',
      left: { kind: 'field', type: 'date', name: '审结日期', column: 'c2', fieldType: 'date' },
      right: { kind: 'field', type: 'date', name: '受理日期', column: 'c1', fieldType: 'date' },
    })
  })

  it('is plain data that survives JSON', () => {
    const ir = compile(
      "审结处理结果 = '批准逮捕' 且 天数差(受理日期, 今天()) > 7 且 应当逮捕情形 包含 '曾经故意犯罪'",
    )
    expect(JSON.parse(JSON.stringify(ir))).toEqual(ir)
  })

  it('folds negative numbers into literals', () => {
    expect(compile('-5')).toEqual({ kind: 'literal', type: 'number', value: -5 })
    expect(compile('-(-2.5)')).toEqual({ kind: 'literal', type: 'number', value: 2.5 })
    expect(compile('-批捕人数')).toMatchObject({ kind: 'negate' })
  })

  it('flattens chains of 且 and 或', () => {
    const ir = compile('批捕人数 > 1 且 不捕人数 > 1 且 涉案金额 > 1 或 前科 为空')
    expect(ir).toMatchObject({
      kind: 'logic',
      op: 'or',
      operands: [{ kind: 'logic', op: 'and' }, { kind: 'isEmpty' }],
    })
    expect((ir as { operands: Ir[] }).operands[0]).toMatchObject({ operands: [{}, {}, {}] })
  })

  it('reads a string next to a date as a date, and next to a yes/no field as 是/否', () => {
    expect(compile("审结日期 < '2024/1/5'")).toMatchObject({
      right: { kind: 'literal', type: 'date', value: '2024-01-05' },
    })
    expect(compile("'2024-01-05' > 审结日期")).toMatchObject({ left: { type: 'date', value: '2024-01-05' } })
    expect(compile("是否认罪认罚 = '是'")).toMatchObject({ right: { type: 'boolean', value: true } })
    expect(compile('是否认罪认罚 = 否')).toMatchObject({ right: { type: 'boolean', value: false } })
    expect(compile("受理日期 介于 '2024-01-01' 和 '2024-12-31'")).toMatchObject({
      low: { type: 'date', value: '2024-01-01' },
      high: { type: 'date', value: '2024-12-31' },
    })
    expect(compile("受理日期 in ('2024-01-01', #2024-02-01#)")).toMatchObject({
      items: [{ type: 'date' }, { type: 'date' }],
    })
    expect(compile("年('2024-03-01')")).toMatchObject({ args: [{ type: 'date', value: '2024-03-01' }] })
    expect(compile("日期('2024年3月1日')")).toEqual({ kind: 'literal', type: 'date', value: '2024-03-01' })
  })

  it('turns negated forms into 非 around the positive form', () => {
    expect(compile('前科 不为空')).toMatchObject({ kind: 'not', operand: { kind: 'isEmpty' } })
    expect(compile("前科 不属于 ('无', '有')")).toMatchObject({ kind: 'not', operand: { kind: 'inList' } })
    expect(compile('批捕人数 不介于 1 和 2')).toMatchObject({ kind: 'not', operand: { kind: 'between' } })
    expect(compile("前科 不包含 '刑事'")).toMatchObject({
      kind: 'not',
      operand: { kind: 'textTest', op: 'contains' },
    })
  })

  it('reads 包含 and 属于 on multi-valued fields as membership or subset', () => {
    expect(compile("应当逮捕情形 包含 '曾经故意犯罪'")).toMatchObject({
      kind: 'setHas',
      quantifier: 'any',
      set: { name: '应当逮捕情形' },
      items: [{ value: '曾经故意犯罪' }],
    })
    expect(compile('审结案由 属于 移送其他案由')).toMatchObject({
      kind: 'setHas',
      set: { name: '移送其他案由' },
    })
    expect(compile('审结案由 in (移送其他案由)')).toMatchObject({ kind: 'setHas' })
    expect(compile('属于(审结案由, 移送其他案由)')).toMatchObject({ kind: 'setHas' })
    expect(compile('应当逮捕情形 属于 移送其他案由')).toMatchObject({
      kind: 'subset',
      subset: { name: '应当逮捕情形' },
      superset: { name: '移送其他案由' },
    })
    expect(compile('移送其他案由 包含 应当逮捕情形')).toMatchObject({
      kind: 'subset',
      subset: { name: '应当逮捕情形' },
    })
    expect(compile("包含全部(应当逮捕情形, 'a', 审结案由)")).toMatchObject({
      kind: 'setHas',
      quantifier: 'all',
    })
    expect(compile("审结案由 属于 ('盗窃罪')")).toMatchObject({ kind: 'inList' })
  })

  it('reads 包含 on text as substring', () => {
    expect(compile("前科 包含 '刑事'")).toMatchObject({ kind: 'textTest', op: 'contains' })
  })

  it('resolves names ignoring full-width letters and padding', () => {
    const fields = [{ name: 'A类案件数', type: 'integer' as const, column: 'c1' }]
    const result = compileExpression('Ａ类案件数 > 1', fields)
    expect(result.ok && result.ir).toMatchObject({ left: { name: 'A类案件数', column: 'c1' } })
  })
})

describe('errors', () => {
  it.each([
    ['审结日 < 受理日期', '第 1 行第 1 列：未知字段“审结日”。是否为：审结日期、全案_审结日期？'],
    ['受理日 > 1', '第 1 行第 1 列：未知字段“受理日”。是否为：受理日期？'],
    ['审结日期为空', '第 1 行第 1 列：未知字段“审结日期为空”。是否漏了空格：审结日期 为空'],
    [
      '前科 为空 或 应当逮捕情形为空',
      '第 1 行第 9 列：未知字段“应当逮捕情形为空”。是否漏了空格：应当逮捕情形 为空',
    ],
    [
      "前科 = '无' 且 应当逮捕情形包含 '曾经故意犯罪'",
      "第 1 行第 21 列：此处应为运算符、“且”、“或”或表达式结束，实际为“'曾经故意犯罪'”（关键字“包含”前后需要空格）",
    ],
    ['前科 = 无', "第 1 行第 6 列：未知字段“无”。如果“无”是文字，请加引号：'无'"],
    ['[不存在的字段] > 1', '第 1 行第 1 列：未知字段“不存在的字段”。'],
    ['审结处理结果 + 1', '第 1 行第 1 列：“+”两边应为数字，实际为文本'],
    ["前科 + '无'", '第 1 行第 4 列：文本不能相加'],
    ['审结日期 - 受理日期', '第 1 行第 6 列：日期不能直接相减，相差天数请用 天数差(开始日期, 结束日期)'],
    [
      '审结处理结果 = 0314',
      "第 1 行第 8 列：“=”两边的类型不一致：左边是文本，右边是数字；若要写编码或文字，请加引号，如 '0314'",
    ],
    ['受理日期 > 批捕人数', '第 1 行第 6 列：“>”两边的类型不一致：左边是日期，右边是数字'],
    ['前科 = 空值', '第 1 行第 4 列：不能用“=”与空值比较（结果总是未知），判断是否为空请用“为空”或“不为空”'],
    ['应当逮捕情形 = 移送其他案由', '第 1 行第 8 列：多值字段不能用“=”比较，请用“包含”“属于”或 包含任一(…)'],
    ['是否认罪认罚 > 否', '第 1 行第 8 列：真/假值只能用“=”或“!=”比较'],
    ["受理日期 < '2023-02-29'", "第 1 行第 8 列：“2023-02-29”不是有效日期，日期应写作 '2024-01-05'"],
    ["是否认罪认罚 = '可能'", '第 1 行第 10 列：“可能”不是是/否值，应为 是 或 否'],
    ['非 批捕人数', '第 1 行第 3 列：“非”之后应为真/假，实际为数字'],
    ['批捕人数 且 前科 为空', '第 1 行第 1 列：“且”两边应为真/假，实际为数字'],
    ['天数(受理日期, 审结日期)', '第 1 行第 1 列：未知函数“天数”。是否为：天数差()？'],
    [
      '天数差(受理日期)',
      '第 1 行第 1 列：“天数差”需要2 个参数，实际为 1 个：天数差(开始日期, 结束日期) → 数字',
    ],
    ['首个非空(受理日期)', '第 1 行第 1 列：“首个非空”需要至少 2 个参数，实际为 1 个：首个非空(值1, 值2, …)'],
    ['年(批捕人数)', '第 1 行第 3 列：“年”的第 1 个参数应为日期，实际为数字'],
    ['长度(受理日期)', '第 1 行第 4 列：“长度”的第 1 个参数应为文本或多值，实际为日期'],
    ["包含任一(前科, 'a')", '第 1 行第 6 列：“包含任一”的第 1 个参数应为多值，实际为文本'],
    ['日期(前科)', "第 1 行第 4 列：“日期”的参数应为带引号的日期，如 日期('2024-01-05')"],
    ['如果(批捕人数, 1, 2)', '第 1 行第 4 列：“如果”的第 1 个参数（条件）应为真/假，实际为数字'],
    ["如果(前科 为空, 1, '无')", '第 1 行第 14 列：“如果”的两个结果类型应一致：一个是数字，此处是文本'],
    ['首个非空(受理日期, 前科)', '第 1 行第 12 列：“首个非空”的各参数类型应一致：前面是日期，此处是文本'],
    ["批捕人数 包含 '1'", '第 1 行第 1 列：“包含”之前应为文本或多值，实际为数字'],
    ['应当逮捕情形 包含 1', '第 1 行第 11 列：“包含”之后应为文本或多值，实际为数字'],
    ["批捕人数 in (1, '2')", '第 1 行第 13 列：“属于”的值与字段类型不一致：应为数字，此处是文本'],
    ['批捕人数 属于 应当逮捕情形', '第 1 行第 1 列：“属于”之前应为文本或多值，实际为数字'],
    ['是否认罪认罚 介于 真 和 假', '第 1 行第 8 列：“介于”只适用于数字、日期或文本，此处是真/假'],
  ])('%s', (text, message) => {
    expect(messages(text)).toEqual([message])
  })

  it('checks regular expressions when they are written', () => {
    // The reason comes from the JS engine (its wording may change between versions).
    expect(messages("前科 匹配 '[a-'")).toEqual([
      '第 1 行第 7 列：正则表达式写法有误（Unterminated character class）',
    ])
    expect(compileExpression("前科 匹配 '^\\d{6}(\\d{2})?$'", CASE_FIELDS).ok).toBe(true)
  })

  it('requires a condition where one is expected', () => {
    expect(messages('批捕人数 + 1', 'boolean')).toEqual(['第 1 行第 1 列：条件的结果应为真/假，实际为数字'])
    expect(messages("前科 = '无'", 'number')).toEqual(['第 1 行第 1 列：表达式的结果应为数字，实际为真/假'])
  })

  it('reports every unknown field at once', () => {
    expect(messages('甲字段 > 1 且 乙字段 < 2')).toHaveLength(2)
  })

  it('points at a field with brackets in its name written without […]', () => {
    expect(messages('审查起诉阶段量刑建议（自）有期徒刑刑期 > 12')).toEqual([
      '第 1 行第 14 列：此处应为运算符、“且”、“或”或表达式结束，实际为“有期徒刑刑期”（字段名含有括号等符号时须用方括号括起来：[审查起诉阶段量刑建议（自）有期徒刑刑期]）',
    ])
    expect(messages('审查起诉阶段量刑建议（自） > 1')).toEqual([
      '第 1 行第 1 列：字段名中含有括号等符号时，请用方括号括起来：[审查起诉阶段量刑建议（自）有期徒刑刑期]',
    ])
  })

  it('gives offset and length of the offending text', () => {
    const result = compileExpression('前科 = 1 且 审结日 > 受理日期', CASE_FIELDS)
    expect(!result.ok && result.errors.map(({ offset, length }) => ({ offset, length }))).toEqual([
      { offset: 3, length: 1 },
      { offset: 9, length: 3 },
    ])
  })
})
