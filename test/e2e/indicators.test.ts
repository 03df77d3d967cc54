import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDemo, screenshotPath, type DemoSession } from './browser.ts'

/** The analyst's dashboard: find 不捕率 by pinyin, read the 省院's figure and open the records behind it. */
describe('indicator dashboard (browser mode, Chromium)', () => {
  let session: DemoSession
  let server: DemoSession['server']
  let page: Page

  beforeAll(async () => {
    session = await openDemo({
      prefix: 'yanpan-e2e-indicators-',
      persons: 3000,
      from: '2024-01',
      to: '2024-12',
      viewport: { width: 1600, height: 1000 },
    })
    ;({ server, page } = session)
  })

  afterAll(async () => {
    await session?.close()
  })

  it('finds an indicator by pinyin, reads the matrix and drills into the records', async () => {
    await page.goto(`${server.url}#/indicators`)
    await page.locator('[data-testid=page-indicators]').waitFor()

    // The default period is the latest complete quarter the demo data covers.
    const periodInput = page.locator('[data-testid=period-input]')
    await periodInput.waitFor({ timeout: 60_000 })
    expect(await periodInput.inputValue()).toBe('2024Q4')

    // Pinyin initials find 不捕率 in the catalogue.
    await page.locator('[data-testid=indicator-search]').fill('bbl')
    const items = page.locator('[data-testid=indicator-list] [data-testid^=catalogue-item-]')
    await expect.poll(() => items.count()).toBeGreaterThan(0)
    const names = await items.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-name')))
    expect(names).toContain('不捕率')

    // A period typed as text; the province's 不捕率 appears in the matrix.
    await periodInput.fill('2024Q3')
    await periodInput.press('Enter')
    const province = page.locator('[data-testid=matrix-cell-320000-不捕率]')
    await expect
      .poll(async () => (await province.getAttribute('data-value')) ?? '', { timeout: 60_000 })
      .toMatch(/^\d/)
    const text = (await province.textContent()) ?? ''
    expect(text).toMatch(/^\d+(\.\d+)?%/)
    expect(await page.locator('[data-testid=indicator-matrix] tbody tr').count()).toBeGreaterThan(10)

    // Charts for the focused indicator and unit.
    await page.locator('[data-testid=matrix-head-不捕率]').click()
    await expect
      .poll(async () => Number(await page.locator('[data-testid=trend-chart]').getAttribute('data-points')), {
        timeout: 30_000,
      })
      .toBe(36)
    await page.locator('[data-testid=unit-group-city]').first().click()
    await expect
      .poll(async () => Number(await page.locator('[data-testid=ranking-chart]').getAttribute('data-bars')))
      .toBe(13)
    expect(
      Number(await page.locator('[data-testid=scatter-chart]').getAttribute('data-points')),
    ).toBeGreaterThan(0)
    await page.screenshot({ path: screenshotPath('30-indicators.png'), fullPage: true })

    // The figure drills down to the records of its numerator.
    await province.click()
    const dialog = page.locator('[data-testid=drill-dialog]')
    await dialog.waitFor()
    const count = dialog.locator('[data-testid=drill-count]')
    await expect
      .poll(async () => Number((await count.getAttribute('data-count')) || -1), { timeout: 30_000 })
      .toBeGreaterThan(0)
    await expect
      .poll(() => dialog.locator('[data-testid=drill-grid] .ag-row').count(), { timeout: 30_000 })
      .toBeGreaterThan(0)
    const numerator = Number(
      (await dialog.locator('[data-testid=drill-part-numerator] .segment-count').textContent())?.replace(
        /,/g,
        '',
      ),
    )
    expect(Number(await count.getAttribute('data-count'))).toBe(numerator)
    await page.screenshot({ path: screenshotPath('31-indicator-drill.png') })

    // The denominator's measures are one click away.
    await dialog.locator('[data-testid=drill-part-denominator]').click()
    await expect
      .poll(() => dialog.locator('[data-testid=drill-measures] tbody tr').count(), { timeout: 30_000 })
      .toBeGreaterThan(1)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  })
})
