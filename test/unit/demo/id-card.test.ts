import { describe, expect, it } from 'vitest'
import {
  idCardBirthDate,
  idCardSex,
  idCheckChar,
  isValidIdCard,
  makeIdCard,
} from '../../../electron/engine/demo/id-card.ts'
import { Random } from '../../../electron/engine/demo/random.ts'
import { fromDayNumber } from '../../../shared/values/date.ts'

describe('GB 11643 identity numbers', () => {
  it('computes the check character of the standard example', () => {
    expect(idCheckChar('11010519491231002')).toBe('X')
    expect(isValidIdCard('11010519491231002X')).toBe(true)
    expect(isValidIdCard('11010519491231002x')).toBe(true)
  })

  it('rejects a wrong check character, an impossible birth date or a wrong length', () => {
    expect(isValidIdCard('110105194912310021')).toBe(false)
    const feb30 = '3201021990023000' + '1'
    expect(isValidIdCard(feb30 + idCheckChar(feb30))).toBe(false)
    expect(isValidIdCard('32010219900101001')).toBe(false)
    expect(isValidIdCard('')).toBe(false)
  })

  it('makes valid numbers whose birth date and sex read back', () => {
    const random = new Random(7)
    for (let i = 0; i < 2000; i++) {
      const birth = fromDayNumber(random.int(-20000, 15000))
      const sequence = random.int(0, 999)
      const id = makeIdCard('320102', birth, sequence)
      expect(isValidIdCard(id)).toBe(true)
      expect(idCardBirthDate(id)).toBe(birth)
      expect(idCardSex(id)).toBe(sequence % 2 === 1 ? '男' : '女')
    }
  })

  it('catches any single-digit typo (MOD 11-2 detects all of them)', () => {
    const id = makeIdCard('320583', '1988-06-15', 123)
    for (let position = 0; position < 17; position++) {
      const digit = Number(id[position])
      const typo = id.slice(0, position) + String((digit + 3) % 10) + id.slice(position + 1)
      expect(idCheckChar(typo) === typo[17]).toBe(false)
    }
  })
})
