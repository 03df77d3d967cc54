/**
 * Random records for the SQL/JS agreement property: every field type, values as the import stores
 * them, with the awkward cases the expression language must agree on (NULL, '', empty sets, leap
 * days, year 1 and 9999, quotes, characters outside the BMP, identity numbers good and bad).
 */
import { fromDayNumber } from '../../../shared/values/date.ts'
import type { ExprField } from '../../../shared/expr/index.ts'
import type { ExprParameter, ParameterValues } from '../../../shared/expr/parameters.ts'
import { idCardCheckChar } from '../../../shared/expr/id-card.ts'
import type { Random } from '../../helpers/seeded-random.ts'

/** Two fields of each type, so expressions can compare field with field. */
export const PROPERTY_FIELDS: ExprField[] = [
  { name: '批捕人数', type: 'integer', column: 'c1' },
  { name: '不捕人数', type: 'integer', column: 'c2' },
  { name: '涉案金额', type: 'decimal', column: 'c3' },
  { name: '量刑建议（自）', type: 'decimal', column: 'c4' },
  { name: '受理日期', type: 'date', column: 'c5' },
  { name: '审结日期', type: 'date', column: 'c6' },
  { name: '是否认罪认罚', type: 'boolean', column: 'c7' },
  { name: '是否未成年', type: 'boolean', column: 'c8' },
  { name: '前科', type: 'text', column: 'c9' },
  { name: '审结处理结果', type: 'code', column: 'c10' },
  { name: '身份证号', type: 'text', column: 'c11' },
  { name: '应当逮捕情形', type: 'set', column: 'c12' },
  { name: '移送其他案由', type: 'set', column: 'c13' },
]

/** Rule parameters the generated expressions may use (`@上限` …), with the values both backends bind. */
export const PROPERTY_PARAMETERS: ExprParameter[] = [
  { name: '上限', type: 'number' },
  { name: '起始日', type: 'date' },
  { name: '标记', type: 'text' },
]
export const PROPERTY_PARAMETER_VALUES: ParameterValues = { 上限: 7, 起始日: '2024-02-29', 标记: '无' }

export const TEXT_VALUES = [
  '无',
  '有',
  '刑事处罚',
  '批准逮捕',
  '不批准逮捕',
  '批准',
  '逮捕',
  '盗窃罪',
  '诈骗罪',
  // Charges of different groups, a former name and the system's annotated form (罪名类别).
  '故意伤害罪',
  '贪污罪',
  '强制猥亵、侮辱妇女罪',
  '强制猥亵、侮辱罪（原强制猥亵、侮辱妇女罪）',
  'abc',
  'ABC',
  'a%b_c',
  "O'Brien",
  '"引号"',
  '“中文引号”',
  '𠀀字',
  '\u{20000}',
  'ｆ',
  '\uE000',
  ' 空格 ',
  '12',
  '0314',
  '2024-01-05',
  '320102',
  '--',
  '/*x*/',
  ');',
  '.*',
  '[a-',
  '^批',
  // SQLite's length() stops at NUL; the compiler must not depend on it where JS does not.
  'a\u0000b',
  '\u0000',
]

export const SET_ITEMS = ['曾经故意犯罪', '累犯', '盗窃罪', '诈骗罪', '无', 'a"b', '𠀀', '']

const EDGE_DATES = [
  '2024-02-29',
  '2000-02-29',
  '1900-02-28',
  '1900-03-01',
  '2023-12-31',
  '2024-01-01',
  '2024-03-01',
  '1970-01-01',
  '0001-01-01',
  '9999-12-31',
  '2100-12-31',
]

/** The same day for SQL and JS: a leap day, so 今天() sits on an edge. */
export const PROPERTY_TODAY = '2024-02-29'

function integer(random: Random): number {
  // Small magnitudes: products of up to eight values stay below 2^53, where SQLite's exact int64
  // arithmetic and JS doubles agree (see CONTEXT.md).
  return random.chance(0.3) ? random.pick([0, 1, -1, 2, 7, 60, -60]) : random.int(-60, 60)
}

function decimal(random: Random): number {
  return random.chance(0.3)
    ? random.pick([0, 0.5, -0.5, 2.5, 0.1, 12, 1000.25])
    : random.int(-100000, 100000) / 100
}

export function randomDate(random: Random): string {
  return random.chance(0.4) ? random.pick(EDGE_DATES) : fromDayNumber(random.int(-7305, 22000))
}

export function randomText(random: Random): string {
  if (random.chance(0.6)) return random.pick(TEXT_VALUES)
  return Array.from({ length: random.int(0, 3) }, () => random.pick(TEXT_VALUES)).join('')
}

function identityNumber(random: Random): string {
  const first17 = `${random.pick(['320102', '110105', '440305'])}${random.pick(['19491231', '20000229', '19810229', '19851301', '20240101'])}${String(random.int(0, 999)).padStart(3, '0')}`
  switch (random.int(0, 4)) {
    case 0:
      return first17 + idCardCheckChar(first17)
    case 1:
      return first17 + idCardCheckChar(first17).toLowerCase()
    case 2:
      return first17 + random.pick(['0', '5', 'X'])
    case 3:
      return first17.slice(0, 6) + first17.slice(8, 17) // 15 digits
    default:
      return random.pick(['', 'abc', '12345', first17])
  }
}

function set(random: Random): string {
  return JSON.stringify(random.chance(0.2) ? [] : random.subset(SET_ITEMS, 0.35))
}

/** One stored value for a field, NULL about one time in seven. */
export function randomValue(random: Random, field: ExprField): string | number | null {
  if (random.chance(0.15)) return null
  switch (field.type) {
    case 'integer':
      return integer(random)
    case 'decimal':
      return decimal(random)
    case 'date':
      return randomDate(random)
    case 'boolean':
      return random.chance(0.5) ? 1 : 0
    case 'set':
      return set(random)
    default:
      return field.name === '身份证号' ? identityNumber(random) : randomText(random)
  }
}

/** Records keyed by column (c1 …), with `_id` from 1. */
export function randomRecords(random: Random, count: number): Record<string, string | number | null>[] {
  return Array.from({ length: count }, (_, index) => {
    const record: Record<string, string | number | null> = { _id: index + 1 }
    for (const field of PROPERTY_FIELDS) record[field.column] = randomValue(random, field)
    return record
  })
}
