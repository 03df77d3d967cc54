/**
 * Random well-typed expressions, as text, over PROPERTY_FIELDS: a type-directed generator that
 * covers every operator, predicate and function of the language, literals in all their written
 * forms, and 空值 where it is allowed. Depth counts nodes on the longest path (a leaf is depth 1).
 */
import type { ExprType } from '../../../shared/expr/index.ts'
import type { Random } from '../../helpers/seeded-random.ts'
import { randomDate, randomText, SET_ITEMS, TEXT_VALUES } from './random-records.ts'

type ValueType = Exclude<ExprType, 'null'>

const FIELDS: Record<ValueType, string[]> = {
  number: ['批捕人数', '不捕人数', '涉案金额', '[量刑建议（自）]'],
  date: ['受理日期', '审结日期'],
  boolean: ['是否认罪认罚', '是否未成年'],
  text: ['前科', '审结处理结果', '身份证号'],
  set: ['应当逮捕情形', '移送其他案由'],
}

/** The parameters of random-records.ts, by type. */
const PARAMETERS = { number: '@上限', date: '@起始日', text: '@标记' } as const

/** Charge groups by name and by alias (罪名类别 accepts both). */
const CHARGE_GROUPS = ['侵犯财产罪', '第四章', '职务犯罪', '伤亡类犯罪', '侵犯公民人身权利、民主权利罪']

/** Patterns that compile (literal patterns are checked at compile time). */
const PATTERNS = [
  '^批',
  '逮捕$',
  '\\d{3}',
  '^[0-9]{17}[0-9Xx]$',
  '.',
  'a|b',
  '[^无]',
  '^$',
  '𠀀',
  '(?:批准)+',
]

const QUOTES: [string, string][] = [
  ["'", "'"],
  ['"', '"'],
  ['“', '”'],
  ['‘', '’'],
]

export function quoted(random: Random, text: string): string {
  const [open, close] = random.pick(QUOTES)
  return `${open}${text.split(close).join(close + close)}${close}`
}

export class ExpressionGenerator {
  constructor(private readonly random: Random) {}

  /** An expression of `type` no deeper than `depth`. */
  expression(type: ValueType, depth: number): string {
    if (depth <= 1 || this.random.chance(0.25)) return this.leaf(type)
    const inner = depth - 1
    switch (type) {
      case 'number':
        return this.number(inner)
      case 'text':
        return this.text(inner)
      case 'date':
        return this.date(inner)
      case 'set':
        return this.set(inner)
      case 'boolean':
        return this.boolean(inner)
    }
  }

  private leaf(type: ValueType): string {
    const { random } = this
    if (random.chance(0.55)) return random.pick(FIELDS[type])
    if (random.chance(0.1) && Object.hasOwn(PARAMETERS, type))
      return PARAMETERS[type as keyof typeof PARAMETERS]
    switch (type) {
      case 'number': {
        const value = random.chance(0.7) ? random.int(-60, 60) : random.int(-10000, 10000) / 100
        return random.chance(0.1)
          ? String(value).replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0))
          : String(value)
      }
      case 'text':
        return quoted(random, randomText(random))
      case 'date': {
        const date = randomDate(random)
        return random.pick([`#${date}#`, `日期('${date}')`, '今天()'])
      }
      case 'boolean':
        return random.pick(['真', '假', '是', '否', 'true', 'FALSE'])
      case 'set':
        return random.pick(FIELDS.set)
    }
  }

  /** Sometimes 空值 instead of a value: allowed in 如果 and 首个非空. */
  private maybeNull(type: ValueType, depth: number): string {
    return this.random.chance(0.1) ? '空值' : this.expression(type, depth)
  }

  private ifOf(type: ValueType, depth: number): string {
    return `如果(${this.expression('boolean', depth)}, ${this.maybeNull(type, depth)}, ${this.maybeNull(type, depth)})`
  }

  private coalesceOf(type: ValueType, depth: number): string {
    const count = this.random.int(2, 3)
    const args = Array.from({ length: count }, () => this.maybeNull(type, depth))
    return `${this.random.pick(['首个非空', 'coalesce'])}(${args.join(', ')})`
  }

  private number(depth: number): string {
    const { random } = this
    const n = () => this.expression('number', depth)
    switch (random.int(0, 12)) {
      case 0:
      case 1:
      case 2:
        return `(${n()} ${random.pick(['+', '-', '*', '/', '%', '×', '÷', '＋'])} ${n()})`
      case 3:
        return `(-${n()})`
      case 4:
        return `${random.pick(['年', '月', '日', 'year'])}(${this.expression('date', depth)})`
      case 5:
        return `天数差(${this.expression('date', depth)}, ${this.expression('date', depth)})`
      case 6:
        return `长度(${this.expression(random.pick(['text', 'set'] as const), depth)})`
      case 7:
        return this.ifOf('number', depth)
      case 8:
        return this.coalesceOf('number', depth)
      case 9:
        return `${random.pick(['周岁', 'age'])}(${this.expression('date', depth)}, ${this.expression('date', depth)})`
      default:
        return `(${n()} ${random.pick(['+', '-', '*', '/', '%'])} ${n()})`
    }
  }

  private text(depth: number): string {
    switch (this.random.int(0, 3)) {
      case 0:
        return this.ifOf('text', depth)
      case 1:
        return this.coalesceOf('text', depth)
      case 2:
        return `罪名类别(${this.expression('text', depth)})`
      default:
        return `身份证性别(${this.expression('text', depth)})`
    }
  }

  private date(depth: number): string {
    switch (this.random.int(0, 2)) {
      case 0:
        return this.ifOf('date', depth)
      case 1:
        return this.coalesceOf('date', depth)
      default:
        return `身份证出生日期(${this.expression('text', depth)})`
    }
  }

  private set(depth: number): string {
    switch (this.random.int(0, 2)) {
      case 0:
        return this.ifOf('set', depth)
      case 1:
        return this.coalesceOf('set', depth)
      default: {
        const args = Array.from({ length: this.random.int(1, 3) }, () =>
          this.expression(this.random.pick(['text', 'set'] as const), depth),
        )
        return `${this.random.pick(['并集', 'union'])}(${args.join(', ')})`
      }
    }
  }

  private boolean(depth: number): string {
    const { random } = this
    const of = (type: ValueType) => this.expression(type, depth)
    const comparable = random.pick(['number', 'text', 'date'] as const)
    switch (random.int(0, 18)) {
      case 0:
      case 1:
        return `(${of(comparable)} ${random.pick(['=', '!=', '<>', '<', '<=', '>', '>=', '≤', '≥', '≠', '＝'])} ${of(comparable)})`
      case 2:
        return random.chance(0.5)
          ? `(${of('boolean')} ${random.pick(['=', '!='])} ${of('boolean')})`
          : `(${random.pick(FIELDS.boolean)} = ${quoted(random, random.pick(['是', '否', 'Y', '0']))})`
      case 3: {
        const count = random.int(2, 3)
        const operands = Array.from({ length: count }, () => of('boolean'))
        return `(${operands.join(` ${random.pick(['且', '或', 'and', 'OR', '并且', '或者'])} `)})`
      }
      case 4:
        return `(${random.pick(['非', 'not'])} ${of('boolean')})`
      case 5: {
        const items = Array.from({ length: random.int(1, 3) }, () => of(comparable))
        return `(${of(comparable)} ${random.pick(['in', '属于', 'not in', '不属于'])} (${items.join(random.pick([', ', '，', '、']))}))`
      }
      case 6:
        return random.chance(0.5)
          ? `(${of(comparable)} ${random.pick(['between', 'not between'])} ${of(comparable)} and ${of(comparable)})`
          : `(${of(comparable)} ${random.pick(['介于', '不介于'])} ${of(comparable)} 和 ${of(comparable)}${random.pick(['', ' 之间'])})`
      case 7: {
        const type = random.pick(['number', 'text', 'date', 'boolean', 'set'] as const)
        return `(${of(type)} ${random.pick(['为空', '不为空', 'is null', 'IS NOT NULL'])})`
      }
      case 8:
        return `(${of('text')} ${random.pick(['包含', '不包含', 'contains', '开头是', '结尾是', 'startswith', 'endswith'])} ${of('text')})`
      case 9: {
        // A pattern from the data may be invalid ('[a-'): both sides then say unknown.
        const pattern = random.chance(0.8) ? quoted(random, random.pick(PATTERNS)) : random.pick(FIELDS.text)
        return `(${of('text')} ${random.pick(['匹配', 'matches'])} ${pattern})`
      }
      case 10: {
        const items = Array.from({ length: random.int(1, 3) }, () =>
          random.chance(0.7) ? quoted(random, random.pick(SET_ITEMS)) : of('text'),
        )
        return `${random.pick(['包含任一', '包含全部'])}(${of('set')}, ${items.join(', ')})`
      }
      case 11:
        return random.chance(0.5) ? `(${of('text')} 属于 ${of('set')})` : `属于(${of('text')}, ${of('set')})`
      case 12:
        return random.chance(0.5) ? `(${of('set')} 属于 ${of('set')})` : `(${of('set')} 包含 ${of('set')})`
      case 13:
        return `(${of('set')} ${random.pick(['包含', '不包含'])} ${random.chance(0.7) ? quoted(random, random.pick(SET_ITEMS)) : of('text')})`
      case 14:
        return `身份证校验(${of('text')})`
      case 15:
        return this.ifOf('boolean', depth)
      case 16:
        return this.coalesceOf('boolean', depth)
      case 17: {
        const groups = random.subset(CHARGE_GROUPS, 0.4)
        const named = (groups.length > 0 ? groups : [random.pick(CHARGE_GROUPS)]).map((g) =>
          quoted(random, g),
        )
        return `属于罪名类别(${of(random.pick(['text', 'set'] as const))}, ${named.join(', ')})`
      }
      default:
        // A string literal compared with a date reads as a date.
        return `(${of('date')} ${random.pick(['<', '>=', '='])} '${randomDate(random)}')`
    }
  }
}

/** Every literal text the generator may emit, for the injection test's vocabulary. */
export const LITERAL_TEXTS = [...TEXT_VALUES, ...SET_ITEMS, ...PATTERNS]
