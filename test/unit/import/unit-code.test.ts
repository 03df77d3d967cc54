import { describe, expect, it } from 'vitest'
import {
  CASE_NUMBER_PATTERN,
  isCaseNumber,
  unitCodeFromCaseNumber,
} from '../../../electron/engine/import/unit-code.ts'

describe('unitCodeFromCaseNumber', () => {
  it.each([
    ['宁检捕受[2024]32010200001号', '320102'],
    ['常检诉受[2022]32058100001号', '320581'],
    ['蕲检起诉受[2018]42038100026号', '420381'],
    ['山东省院起诉受[2016]37000000031号', '370000'],
    ['宁检捕受【2024】32010200001号', '320102'],
    ['宁检捕受［2024］32010200001号', '320102'],
    ['宁检捕受〔2024〕32010200001号', '320102'],
    ['宁检捕受［２０２４］３２０１０２００００１号', '320102'],
    ['宁检捕受 [ 2024 ] 320102 00001 号', '320102'],
    ['宁检捕受[2024]\u300032010200001号', '320102'],
  ])('%s → %s', (caseNumber, unit) => {
    expect(unitCodeFromCaseNumber(caseNumber)).toBe(unit)
  })

  it.each([
    '',
    '宁检捕受32010200001号',
    '宁检捕受[24]32010200001号',
    '宁检捕受[2024]3201号',
    '[备注]宁检捕受',
  ])('%j → null', (caseNumber) => {
    expect(unitCodeFromCaseNumber(caseNumber)).toBeNull()
  })

  it('skips bracketed text that is not a year', () => {
    expect(unitCodeFromCaseNumber('[补]宁检捕受[2024]32010200001号')).toBe('320102')
  })
})

describe('CASE_NUMBER_PATTERN / isCaseNumber', () => {
  it('accepts well-formed department case numbers', () => {
    expect(CASE_NUMBER_PATTERN.test('蕲检起诉受[2018]42038100026号')).toBe(true)
    expect(CASE_NUMBER_PATTERN.test('蕲检刑申受[2018]42112600001号')).toBe(true)
    expect(isCaseNumber('宁检捕受［２０２４］32010200001号')).toBe(true)
    expect(isCaseNumber(' 宁检捕受【2024】 32010200001号 ')).toBe(true)
  })

  it('rejects malformed ones', () => {
    expect(CASE_NUMBER_PATTERN.test('宁检捕受[3024]32010200001号')).toBe(false)
    expect(CASE_NUMBER_PATTERN.test('宁检捕受[2024]3201020号')).toBe(false)
    expect(CASE_NUMBER_PATTERN.test('宁检捕[2024]32010200001号')).toBe(false)
    expect(CASE_NUMBER_PATTERN.test('备注：宁检捕受[2024]32010200001号。')).toBe(false)
    expect(isCaseNumber('')).toBe(false)
  })
})
