import { afterAll, describe, expect, it } from 'vitest'
import { openXlsx } from '../../../../electron/engine/import/read/xlsx.ts'
import { XLSX_EXPECTED } from '../../../fixtures/make-fixtures.ts'
import { fixture, readAll } from './read-all.ts'

/**
 * xlsx dates must not move with the analyst's time zone. Node applies a change of process.env.TZ at
 * once, so the same file is read under zones east and west of UTC (the offsets are checked, so the
 * test cannot pass by the change silently not taking effect).
 */
const original = process.env.TZ

describe('xlsx dates in any time zone', () => {
  afterAll(() => {
    if (original === undefined) delete process.env.TZ
    else process.env.TZ = original
  })

  it.each([
    ['Asia/Shanghai', -480],
    ['America/Los_Angeles', 480],
    ['Pacific/Kiritimati', -840],
    ['UTC', 0],
  ])('%s', async (zone, offset) => {
    process.env.TZ = zone
    expect(new Date(Date.UTC(2024, 0, 5)).getTimezoneOffset()).toBe(offset)
    const { rows } = await readAll(await openXlsx(fixture('cases.xlsx'), 'cases.xlsx'))
    const byLine = Object.fromEntries(rows.map((r) => [r.line, r.cells]))
    expect(byLine).toEqual(XLSX_EXPECTED)
    expect(byLine[5].slice(4, 6)).toEqual(['2024-01-05', '2024-02-20'])
    expect(byLine[5][12]).toBe('2024-02-20 14:30:00')
    expect(byLine[6][4]).toBe('2023-12-31')
    expect(byLine[8][4]).toBe('2024-02-05')
  })
})
