/**
 * The function vocabulary: names (Chinese first, then aliases), arity and the help text the rule
 * editor shows. Type rules live in the checker (check-call.ts); this table is what the analyst sees.
 */
import type { FunctionName } from './ir.ts'

export type FunctionId =
  | FunctionName
  | 'today'
  | 'date'
  | 'if'
  | 'coalesce'
  | 'containsAny'
  | 'containsAll'
  | 'belongsTo'
  | 'union'
  | 'chargeGroup'
  | 'inChargeGroup'

export interface FunctionHelp {
  /** Primary (Chinese) name. */
  name: string
  /** Other accepted names (English names are case-insensitive). */
  aliases: string[]
  /** e.g. '天数差(开始日期, 结束日期) → 数字' */
  signature: string
  description: string
  example: string
}

export interface FunctionSpec extends FunctionHelp {
  id: FunctionId
  minArgs: number
  maxArgs: number
}

export const FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'year',
    name: '年',
    aliases: ['year'],
    minArgs: 1,
    maxArgs: 1,
    signature: '年(日期) → 数字',
    description: '日期的年份。',
    example: '年(受理日期) = 2024',
  },
  {
    id: 'month',
    name: '月',
    aliases: ['month'],
    minArgs: 1,
    maxArgs: 1,
    signature: '月(日期) → 数字',
    description: '日期的月份（1–12）。',
    example: '月(审结日期) <= 6',
  },
  {
    id: 'day',
    name: '日',
    aliases: ['day'],
    minArgs: 1,
    maxArgs: 1,
    signature: '日(日期) → 数字',
    description: '日期是当月的第几日（1–31）。',
    example: '日(受理日期) = 1',
  },
  {
    id: 'daysBetween',
    name: '天数差',
    aliases: ['days_between'],
    minArgs: 2,
    maxArgs: 2,
    signature: '天数差(开始日期, 结束日期) → 数字',
    description: '从开始日期到结束日期的天数（结束 − 开始，同一天为 0）。任一日期为空时结果为空。',
    example: '天数差(受理日期, 审结日期) > 7',
  },
  {
    id: 'today',
    name: '今天',
    aliases: ['today'],
    minArgs: 0,
    maxArgs: 0,
    signature: '今天() → 日期',
    description: '今天的日期（核查运行当天）。',
    example: '天数差(审结日期, 今天()) > 4',
  },
  {
    id: 'date',
    name: '日期',
    aliases: ['date'],
    minArgs: 1,
    maxArgs: 1,
    signature: "日期('年-月-日') → 日期",
    description: "日期常量，与 #2024-01-05# 相同。与日期字段比较时也可直接写 '2024-01-05'。",
    example: "受理日期 >= 日期('2024-01-01')",
  },
  {
    id: 'if',
    name: '如果',
    aliases: ['if'],
    minArgs: 3,
    maxArgs: 3,
    signature: '如果(条件, 成立时的值, 否则的值)',
    description: '条件成立时取第二个参数，否则（不成立或未知）取第三个参数。',
    example: "如果(前科 = '无', 0, 1)",
  },
  {
    id: 'coalesce',
    name: '首个非空',
    aliases: ['coalesce'],
    minArgs: 2,
    maxArgs: 20,
    signature: '首个非空(值1, 值2, …)',
    description: '第一个不为空的值；全部为空时为空。',
    example: '首个非空(审结日期, 今天())',
  },
  {
    id: 'length',
    name: '长度',
    aliases: ['len', 'length'],
    minArgs: 1,
    maxArgs: 1,
    signature: '长度(文本或多值) → 数字',
    description: '文本的字数；多值字段的项数。',
    example: '长度(身份证号) <> 18',
  },
  {
    id: 'containsAny',
    name: '包含任一',
    aliases: [],
    minArgs: 2,
    maxArgs: 100,
    signature: '包含任一(多值, 值1, 值2, …) → 真/假',
    description: '多值字段包含所列值中的任何一个。',
    example: "包含任一(移送其他案由, '盗窃罪', '诈骗罪')",
  },
  {
    id: 'containsAll',
    name: '包含全部',
    aliases: [],
    minArgs: 2,
    maxArgs: 100,
    signature: '包含全部(多值, 值1, 值2, …) → 真/假',
    description: '多值字段包含所列的每一个值。',
    example: "包含全部(审查认定的法定情节, '累犯', '自首')",
  },
  {
    id: 'belongsTo',
    name: '属于',
    aliases: [],
    minArgs: 2,
    maxArgs: 2,
    signature: '属于(值或多值, 多值) → 真/假',
    description:
      '值是多值字段中的一项；或（第一个参数也是多值时）每一项都在第二个多值字段中。也可写作 值 属于 多值。',
    example: '属于(审结案由, 移送其他案由)',
  },
  {
    id: 'idValid',
    name: '身份证校验',
    aliases: [],
    minArgs: 1,
    maxArgs: 1,
    signature: '身份证校验(文本) → 真/假',
    description: '是否为有效的 18 位公民身份号码（GB 11643：出生日期有效、校验码正确）。',
    example: '身份证号 不为空 且 非 身份证校验(身份证号)',
  },
  {
    id: 'idBirthDate',
    name: '身份证出生日期',
    aliases: [],
    minArgs: 1,
    maxArgs: 1,
    signature: '身份证出生日期(文本) → 日期',
    description: '身份号码中的出生日期（18 位或旧 15 位号码）；号码格式或日期无效时为空。',
    example: '身份证出生日期(身份证号) <> 出生日期',
  },
  {
    id: 'idSex',
    name: '身份证性别',
    aliases: [],
    minArgs: 1,
    maxArgs: 1,
    signature: "身份证性别(文本) → '男' 或 '女'",
    description: '由身份号码的顺序码判断性别（奇数为男，偶数为女）；号码格式无效时为空。',
    example: '身份证性别(身份证号) <> 性别',
  },
  {
    id: 'age',
    name: '周岁',
    aliases: ['age'],
    minArgs: 2,
    maxArgs: 2,
    signature: '周岁(出生日期, 日期) → 数字',
    description: '到某日为止的周岁年龄（当年生日未到则减一）。任一日期为空时结果为空。',
    example: '周岁(出生日期, 受理日期) - 作案时年龄 > 2',
  },
  {
    id: 'union',
    name: '并集',
    aliases: ['union'],
    minArgs: 1,
    maxArgs: 20,
    signature: '并集(值或多值, …) → 多值',
    description: '把若干文本值和多值字段合成一个多值：去掉空值和重复项。常用于“主案由 + 其他案由”。',
    example: '非 (并集(涉嫌案由, 涉嫌其他案由) 属于 并集(移送案由, 移送其他案由))',
  },
  {
    id: 'chargeGroup',
    name: '罪名类别',
    aliases: [],
    minArgs: 1,
    maxArgs: 1,
    signature: '罪名类别(罪名) → 文本',
    description:
      '罪名所属的刑法分则章名（如“侵犯财产罪”“妨害社会管理秩序罪”），依据官方罪名表的条文推出；旧罪名按现行罪名归类；无法识别时为空。',
    example: "罪名类别(审结案由) = '侵犯财产罪'",
  },
  {
    id: 'inChargeGroup',
    name: '属于罪名类别',
    aliases: [],
    minArgs: 2,
    maxArgs: 20,
    signature: "属于罪名类别(罪名或多值, '类别', …) → 真/假",
    description:
      '罪名（多值时为其中任一项）属于所列任一罪名类别：刑法分则各章（如“侵犯财产罪”或“第五章”），以及“职务犯罪”“侵犯知识产权罪”“恐怖活动犯罪”“伤亡类犯罪”。',
    example: "属于罪名类别(审结案由, '侵犯公民人身权利、民主权利罪', '侵犯财产罪')",
  },
]

const BY_NAME = new Map<string, FunctionSpec>()
for (const spec of FUNCTIONS) {
  BY_NAME.set(spec.name, spec)
  for (const alias of spec.aliases) BY_NAME.set(alias.toLowerCase(), spec)
}

/** @example findFunction('IF')?.id === 'if' */
export function findFunction(name: string): FunctionSpec | undefined {
  return BY_NAME.get(name) ?? BY_NAME.get(name.toLowerCase())
}

/** Every accepted function name, for "是否为…" suggestions. */
export function functionNames(): string[] {
  return [...BY_NAME.keys()]
}

/**
 * The function list for the rule editor's syntax help.
 *
 * @example describeFunctions().find((f) => f.name === '天数差')?.example === '天数差(受理日期, 审结日期) > 7'
 */
export function describeFunctions(): FunctionHelp[] {
  return FUNCTIONS.map(({ name, aliases, signature, description, example }) => ({
    name,
    aliases: [...aliases],
    signature,
    description,
    example,
  }))
}
