/**
 * 18-digit 居民身份证号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence
 * (odd for men, even for women), ISO 7064 MOD 11-2 check character (0–9 or X). The demo makes valid
 * numbers; the validator is meant for the rule library too (rules.md §4.3 item 6).
 */
import { formatYmd, isValidYmd } from '../../../shared/values/date.ts'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/** The check character of the first 17 digits. @example idCheckChar('11010519491231002') === 'X' */
export function idCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

/**
 * A valid number for an area code, a birth date 'YYYY-MM-DD' and a sequence 0–999 whose parity
 * must match the sex (odd: 男, even: 女); the caller picks it.
 */
export function makeIdCard(area: string, birthDate: string, sequence: number): string {
  const first17 = area + birthDate.slice(0, 4) + birthDate.slice(5, 7) + birthDate.slice(8, 10) + String(sequence).padStart(3, '0')
  return first17 + idCheckChar(first17)
}

/**
 * True for a well-formed 18-digit number: area code not starting with 0, a real birth date from
 * 1900 on, and the right check character (a lower-case x is accepted, as typed by hand).
 *
 * @example isValidIdCard('11010519491231002X') === true
 * @example isValidIdCard('110105194912310021') === false  // wrong check character
 */
export function isValidIdCard(id: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(id)) return false
  const year = Number(id.slice(6, 10))
  if (year < 1900 || !isValidYmd(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false
  return idCheckChar(id) === id[17].toUpperCase()
}

/** Birth date 'YYYY-MM-DD' written in a number (digits 7–14), or null when they are not a date. */
export function idCardBirthDate(id: string): string | null {
  const year = Number(id.slice(6, 10))
  const month = Number(id.slice(10, 12))
  const day = Number(id.slice(12, 14))
  return id.length === 18 && isValidYmd(year, month, day) ? formatYmd(year, month, day) : null
}

/** 男 or 女 from the 17th digit, or null when it is not a digit. */
export function idCardSex(id: string): '男' | '女' | null {
  const digit = id.charCodeAt(16) - 48
  if (id.length !== 18 || digit < 0 || digit > 9) return null
  return digit % 2 === 1 ? '男' : '女'
}
