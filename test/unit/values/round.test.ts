import { describe, expect, it } from 'vitest'
import { formatFixed, roundHalfUp } from '../../../shared/format/round.ts'

describe('roundHalfUp', () => {
  it.each([
    [1.005, 2, 1.01],
    [39.065, 2, 39.07],
    [39.066, 1, 39.1],
    [1.045, 2, 1.05],
    [8.345, 2, 8.35],
    [1.255, 2, 1.26],
    [10.235, 2, 10.24],
    [2.675, 2, 2.68],
    [1.45, 1, 1.5],
    [0.125, 2, 0.13],
    [0.5, 0, 1],
    [1.5, 0, 2],
    [2.5, 0, 3],
    [9.995, 2, 10],
    [99.995, 2, 100],
    [0.0049, 2, 0],
    [0.005, 2, 0.01],
    [123.456, 0, 123],
    [1234567.125, 2, 1234567.13],
    [0.1 + 0.2, 2, 0.3],
    [0.000005, 5, 0.00001],
    [1.2e-7, 8, 1.2e-7],
    [5e-7, 6, 0.000001],
    [42, 2, 42],
    [0, 3, 0],
    [1e21, 2, 1e21],
  ])('roundHalfUp(%s, %s) = %s', (value, decimals, expected) => {
    expect(roundHalfUp(value, decimals)).toBe(expected)
  })

  it('rounds negative halves away from zero and never returns -0', () => {
    expect(roundHalfUp(-1.005, 2)).toBe(-1.01)
    expect(roundHalfUp(-2.5, 0)).toBe(-3)
    expect(Object.is(roundHalfUp(-0.004, 2), 0)).toBe(true)
    expect(Object.is(roundHalfUp(-0, 2), 0)).toBe(true)
  })

  it('absorbs float noise from division (a rate computed from counts)', () => {
    // 7813 / 20000 * 100 = 39.065 exactly in decimal
    expect(roundHalfUp((7813 / 20000) * 100, 2)).toBe(39.07)
    // 1 / 3 stays below the half
    expect(roundHalfUp((1 / 3) * 100, 2)).toBe(33.33)
    expect(roundHalfUp((2 / 3) * 100, 1)).toBe(66.7)
  })

  it('agrees with exact decimal rounding on many three-decimal values', () => {
    for (let thousandths = 0; thousandths <= 200000; thousandths += 7) {
      const value = thousandths / 1000
      const hundredths = Math.floor(thousandths / 10) + (thousandths % 10 >= 5 ? 1 : 0)
      const expected = hundredths / 100
      if (roundHalfUp(value, 2) !== expected)
        throw new Error(`${value} → ${roundHalfUp(value, 2)}, expected ${expected}`)
      if (formatFixed(value, 2) !== (hundredths / 100).toFixed(2)) throw new Error(`formatFixed(${value})`)
    }
  })

  it('passes non-finite values through and rejects bad decimals', () => {
    expect(roundHalfUp(Number.NaN, 2)).toBeNaN()
    expect(roundHalfUp(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY)
    expect(() => roundHalfUp(1, -1)).toThrow(RangeError)
    expect(() => roundHalfUp(1, 1.5)).toThrow(RangeError)
  })
})

describe('formatFixed', () => {
  it.each([
    [1.005, 2, '1.01'],
    [39.065, 2, '39.07'],
    [39.066, 1, '39.1'],
    [2, 1, '2.0'],
    [0, 2, '0.00'],
    [0.5, 0, '1'],
    [9.995, 2, '10.00'],
    [-1.005, 2, '-1.01'],
    [-0.004, 2, '0.00'],
    [0.00001, 3, '0.000'],
    [1.2e-7, 8, '0.00000012'],
    [1234567.891, 1, '1234567.9'],
    [1e21, 0, '1000000000000000000000'],
  ])('formatFixed(%s, %s) = %s', (value, decimals, expected) => {
    expect(formatFixed(value, decimals)).toBe(expected)
  })

  it('shows an em dash for missing or non-finite values', () => {
    expect(formatFixed(null, 1)).toBe('—')
    expect(formatFixed(undefined, 1)).toBe('—')
    expect(formatFixed(Number.NaN, 1)).toBe('—')
    expect(formatFixed(Number.POSITIVE_INFINITY, 1)).toBe('—')
    expect(formatFixed(Number.NEGATIVE_INFINITY, 1)).toBe('—')
    expect(formatFixed(1 / 0, 2)).toBe('—')
  })
})
