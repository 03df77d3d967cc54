/**
 * 18-digit 居民身份证号码 for demo suspects (GB 11643-1999): 6-digit area code, 8-digit birth date,
 * 3-digit sequence (odd for men, even for women), ISO 7064 MOD 11-2 check character. The check
 * character and the readers are the expression language's (shared/expr/id-card.ts), so the demo
 * writes exactly what the rule library's 身份证 functions accept.
 */
import { idCardBirthDate, idCardCheckChar, idCardSex, idCardValid } from '../../../shared/expr/id-card.ts'

export { idCardBirthDate, idCardSex }

/** The check character of the first 17 digits. @example idCheckChar('11010519491231002') === 'X' */
export const idCheckChar = idCardCheckChar

/**
 * A valid number for an area code, a birth date 'YYYY-MM-DD' and a sequence 0–999 whose parity
 * must match the sex (odd: 男, even: 女); the caller picks it.
 */
export function makeIdCard(area: string, birthDate: string, sequence: number): string {
  const first17 =
    area +
    birthDate.slice(0, 4) +
    birthDate.slice(5, 7) +
    birthDate.slice(8, 10) +
    String(sequence).padStart(3, '0')
  return first17 + idCardCheckChar(first17)
}

/**
 * True for a well-formed 18-digit number: a real birth date and the right check character (a
 * lower-case x is accepted, as typed by hand).
 *
 * @example isValidIdCard('11010519491231002X') === true
 * @example isValidIdCard('110105194912310021') === false  // wrong check character
 */
export const isValidIdCard = (id: string): boolean => idCardValid(id) === true
