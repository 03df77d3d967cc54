import { describe, expect, it } from 'vitest'
import {
  monthRange,
  isHoliday,
  isWorkday,
  monthWeight,
  weekday,
} from '../../../electron/engine/demo/calendar.ts'
import { buildHierarchy, departmentFor } from '../../../electron/engine/demo/hierarchy.ts'
import { Random } from '../../../electron/engine/demo/random.ts'
import { dayNumber } from '../../../shared/values/date.ts'

describe('demo hierarchy', () => {
  const units = buildHierarchy(new Random(1, 'hierarchy'))
  const byCode = new Map(units.map((u) => [u.code, u]))

  it('has the province, 13 市院 and a 基层院 for each of the 95 county-level divisions', () => {
    expect(units).toHaveLength(109)
    expect(units.filter((u) => u.level === 'province').map((u) => u.name)).toEqual(['江苏省人民检察院'])
    expect(units.filter((u) => u.level === 'city')).toHaveLength(13)
    expect(units.filter((u) => u.level === 'county')).toHaveLength(95)
    for (const unit of units) if (unit.parent) expect(byCode.has(unit.parent)).toBe(true)
  })

  it('names units, their police and their 院简称 as real ones are named', () => {
    expect(byCode.get('320102')).toMatchObject({
      name: '南京市玄武区人民检察院',
      shortName: '玄检',
      police: '南京市公安局玄武分局',
      parent: '320100',
    })
    expect(byCode.get('320281')).toMatchObject({ name: '江阴市人民检察院', police: '江阴市公安局' })
    expect(byCode.get('320322')).toMatchObject({ name: '沛县人民检察院', shortName: '沛检' })
    expect(byCode.get('320100')).toMatchObject({ name: '南京市人民检察院', shortName: '宁检' })
    // 锡山区 would repeat 无锡市's 锡检, and 苏州市 the province's 苏检.
    expect(byCode.get('320205')!.shortName).toBe('锡山检')
    expect(byCode.get('320500')!.shortName).toBe('苏州检')
    for (const unit of units) {
      const family = units.filter((u) => u.parent === unit.parent || u.code === unit.parent)
      expect(family.filter((u) => u.shortName === unit.shortName)).toHaveLength(1)
    }
  })

  it('gives every unit departments with several distinct prosecutors', () => {
    for (const unit of units) {
      expect(unit.departments[0]).toBe('第一检察部')
      for (const names of unit.prosecutors) {
        expect(names.length).toBeGreaterThanOrEqual(2)
        expect(new Set(names).size).toBe(names.length)
      }
    }
    const county = byCode.get('320102')!
    expect(county.departments[departmentFor(county, 'ordinary', false)]).toBe('第一检察部')
    expect(county.departments[departmentFor(county, 'economic', false)]).toBe('第二检察部')
    expect(county.departments[departmentFor(county, 'ordinary', true)]).toBe('未成年人检察部')
  })
})

describe('demo calendar', () => {
  it('knows weekdays and holidays without touching Date', () => {
    expect(weekday(dayNumber('2024-01-01'))).toBe(0) // a Monday
    expect(isWorkday(dayNumber('2024-01-06'))).toBe(false)
    expect(isHoliday(dayNumber('2024-02-10'))).toBe(true) // 春节
    expect(isHoliday(dayNumber('2024-10-03'))).toBe(true) // 国庆
    expect(isWorkday(dayNumber('2024-03-05'))).toBe(true)
  })

  it('weighs months so 春节 dips January or February and the year end rises', () => {
    const [jan, feb, mar, , , , , , , , nov, dec] = monthRange('2024-01', '2024-12').map(monthWeight)
    expect(Math.min(jan, feb)).toBeLessThan(0.85 * mar)
    expect(dec).toBeGreaterThan(nov)
  })
})
