import { describe, expect, it } from 'vitest'
import { idCardBirthDate, idCardCheckChar, idCardSex, idCardValid } from '../../../shared/expr/id-card.ts'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** The check character per GB 11643 (ISO 7064 MOD 11-2), computed independently of the module. */
function checkChar(first17: string): string {
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index], 0)
  return '10X98765432'[sum % 11]
}

/** An 18-character number: address code, birth date, sequence code, check character. */
function idNumber(address: string, birth: string, sequence: string): string {
  const first17 = address + birth + sequence
  return first17 + checkChar(first17)
}

describe('GB 11643 check character', () => {
  it('matches the standard’s worked example', () => {
    expect(idCardCheckChar('11010519491231002')).toBe('X')
    expect(idCardValid('11010519491231002X')).toBe(true)
  })

  it.each([
    ['320102', '19800229', '123'], // 南京玄武, leap day
    ['320583', '20000229', '001'], // 昆山, 2000 is a leap year
    ['440305', '19991231', '998'],
    ['110101', '20240101', '017'],
  ])('accepts %s %s %s with its computed check character', (address, birth, sequence) => {
    const id = idNumber(address, birth, sequence)
    expect(idCardValid(id)).toBe(true)
    expect(idCardCheckChar(id.slice(0, 17))).toBe(id[17])
  })

  it('covers every check character', () => {
    const seen = new Set<string>()
    for (let sequence = 0; sequence < 1000 && seen.size < 11; sequence++) {
      seen.add(checkChar(`32010219850612${String(sequence).padStart(3, '0')}`))
    }
    expect([...seen].sort().join('')).toBe('0123456789X')
  })

  it('rejects a wrong check character, a bad date, a wrong shape', () => {
    const id = idNumber('320102', '19850612', '123')
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0')
    expect(idCardValid(wrong)).toBe(false)
    expect(idCardValid(idNumber('320102', '19810229', '123'))).toBe(false) // 1981 is not a leap year
    expect(idCardValid(idNumber('320102', '19851301', '123'))).toBe(false)
    expect(idCardValid(id.slice(0, 17))).toBe(false)
    expect(idCardValid(`${id} `)).toBe(false)
    expect(idCardValid('３２０１０２１９８５０６１２１２３４')).toBe(false) // stored text is already half-width
    expect(idCardValid('')).toBe(false)
    expect(idCardValid(320102198506121234)).toBe(false)
    expect(idCardValid(null)).toBe(null)
  })

  it('accepts a lower-case x', () => {
    expect(idCardValid('11010519491231002x')).toBe(true)
  })

  it('does not validate 15-digit numbers, which carry no check character', () => {
    expect(idCardValid('110105491231002')).toBe(false)
  })
})

describe('birth date and sex', () => {
  it('reads 18- and 15-character numbers', () => {
    expect(idCardBirthDate(idNumber('320102', '20000229', '001'))).toBe('2000-02-29')
    expect(idCardBirthDate('110105491231002')).toBe('1949-12-31')
    expect(idCardSex(idNumber('320102', '19850612', '123'))).toBe('男')
    expect(idCardSex(idNumber('320102', '19850612', '124'))).toBe('女')
    expect(idCardSex('110105491231001')).toBe('男')
  })

  it('reads the birth date whatever the check character, so rules can compare it separately', () => {
    expect(idCardBirthDate('320102198506121230')).toBe('1985-06-12')
  })

  it('gives null for no date or no identity number', () => {
    expect(idCardBirthDate(idNumber('320102', '19810229', '123'))).toBe(null)
    expect(idCardBirthDate('abc')).toBe(null)
    expect(idCardBirthDate(null)).toBe(null)
    expect(idCardSex('12345')).toBe(null)
    expect(idCardSex(undefined)).toBe(null)
  })
})
