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
const SHAPE_18 = /^\d{17}[\dXx]$/
const SHAPE_15 = /^\d{15}$/

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
  const year = digits === 8 ? Number(id.slice(start, start + 4)) : 1900 + Number(id.slice(start, start + 2))
  const rest = start + (digits === 8 ? 4 : 2)
  const month = Number(id.slice(rest, rest + 2))
  const day = Number(id.slice(rest + 2, rest + 4))
  return year >= 1800 && isValidYmd(year, month, day) ? formatYmd(year, month, day) : null
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
  if (typeof id !== 'string' || !SHAPE_18.test(id)) return false
  if (birthAt(id, 6, 8) === null) return false
  return idCardCheckChar(id).toUpperCase() === id[17].toUpperCase()
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
  if (SHAPE_18.test(id)) return birthAt(id, 6, 8)
  if (SHAPE_15.test(id)) return birthAt(id, 6, 6)
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
  const index = SHAPE_18.test(id) ? 16 : SHAPE_15.test(id) ? 14 : -1
  if (index < 0) return null
  return (id.charCodeAt(index) - 0x30) % 2 === 1 ? '男' : '女'
}
