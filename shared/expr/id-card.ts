/**
 * Citizen identity numbers (公民身份号码, GB 11643-1999), shared by the JS evaluator and the SQLite
 * functions yanpan_id_valid / yanpan_id_birth / yanpan_id_sex, so SQL and JS agree by construction.
 *
 * An 18-character number is: 6-digit address code, 8-digit birth date (YYYYMMDD), 3-digit sequence
 * (odd = male, even = female), and a check character over the first 17 digits (ISO 7064 MOD 11-2).
 * Old 15-digit numbers (before 1999) have a 6-digit birth date (YYMMDD, 19YY) and no check character.
 *
 * Input is the stored text as is (the import already normalised full-width digits and trimmed it);
 * a lower-case x check character is accepted.
 */
import { formatYmd, isValidYmd } from '../values/date.ts'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/*
 * Shapes are checked with charCodeAt loops rather than regular expressions: the SQL functions run
 * once per record of a million-record rule run, where this is several times faster.
 */
function digitsUpTo(id: string, end: number): boolean {
  for (let index = 0; index < end; index++) {
    const code = id.charCodeAt(index)
    if (code < 0x30 || code > 0x39) return false
  }
  return true
}

/** `^\d{17}[\dXx]$` */
function isShape18(id: string): boolean {
  if (id.length !== 18 || !digitsUpTo(id, 17)) return false
  const last = id.charCodeAt(17)
  return (last >= 0x30 && last <= 0x39) || last === 0x58 || last === 0x78
}

/** `^\d{15}$` */
function isShape15(id: string): boolean {
  return id.length === 15 && digitsUpTo(id, 15)
}

/** The number of `length` digits at `start` (the caller checked they are digits). */
function digitsAt(id: string, start: number, length: number): number {
  let value = 0
  for (let index = start; index < start + length; index++) value = value * 10 + id.charCodeAt(index) - 0x30
  return value
}

/**
 * The check character for the first 17 digits.
 *
 * @example idCardCheckChar('11010519491231002') === 'X'
 */
export function idCardCheckChar(first17: string): string {
  let sum = 0
  for (let index = 0; index < 17; index++) sum += (first17.charCodeAt(index) - 0x30) * WEIGHTS[index]
  return CHECK_CHARS[sum % 11]
}

/** YYYY-MM-DD of digits at `start` (8 digits, or 6 digits with a 19 prefix), or null if not a date. */
function birthAt(id: string, start: number, digits: 6 | 8): string | null {
  const year = digits === 8 ? digitsAt(id, start, 4) : 1900 + digitsAt(id, start, 2)
  const rest = start + (digits === 8 ? 4 : 2)
  const month = digitsAt(id, rest, 2)
  const day = digitsAt(id, rest + 2, 2)
  return year >= 1800 && isValidYmd(year, month, day) ? formatYmd(year, month, day) : null
}

/** Whether the birth date digits make a real date, without formatting it. */
function validBirthAt(id: string, start: number): boolean {
  const year = digitsAt(id, start, 4)
  return year >= 1800 && isValidYmd(year, digitsAt(id, start + 4, 2), digitsAt(id, start + 6, 2))
}

/**
 * True for a valid 18-character number (shape, birth date, check character); false for any other
 * text, 15-digit numbers included (they carry no check character); null for null.
 *
 * @example idCardValid('11010519491231002X') === true
 * @example idCardValid('110105194912310021') === false
 */
export function idCardValid(id: unknown): boolean | null {
  if (id === null || id === undefined) return null
  if (typeof id !== 'string' || !isShape18(id)) return false
  if (!validBirthAt(id, 6)) return false
  const check = id.charCodeAt(17)
  return idCardCheckChar(id).charCodeAt(0) === (check === 0x78 ? 0x58 : check)
}

/**
 * Birth date as 'YYYY-MM-DD' from an 18- or 15-character number, whatever its check character (a
 * rule can combine it with 身份证校验); null when the shape or the date is not valid.
 *
 * @example idCardBirthDate('11010519491231002X') === '1949-12-31'
 * @example idCardBirthDate('110105491231002') === '1949-12-31'
 */
export function idCardBirthDate(id: unknown): string | null {
  if (typeof id !== 'string') return null
  if (isShape18(id)) return birthAt(id, 6, 8)
  if (isShape15(id)) return birthAt(id, 6, 6)
  return null
}

/**
 * 男 / 女 from the sequence code's last digit (17th of 18, 15th of 15): odd is male. Null when the
 * text does not have the shape of an identity number.
 *
 * @example idCardSex('11010519491231002X') === '女'
 */
export function idCardSex(id: unknown): '男' | '女' | null {
  if (typeof id !== 'string') return null
  const index = isShape18(id) ? 16 : isShape15(id) ? 14 : -1
  if (index < 0) return null
  return (id.charCodeAt(index) - 0x30) % 2 === 1 ? '男' : '女'
}
