import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDemo, screenshotPath, type DemoSession } from './browser.ts'

/** The analyst's daily review: run the rules on the demo province, mark flags, write a rule. */
describe('data-quality review (browser mode, Chromium)', () => {
  let session: DemoSession
  let server: DemoSession['server']
  let page: Page

  beforeAll(async () => {
    session = await openDemo({
      prefix: 'yanpan-e2e-quality-',
      persons: 4000,
      from: '2024-01',
      to: '2024-12',
      viewport: { width: 1440, height: 900 },
    })
    ;({ server, page } = session)
  })

  afterAll(async () => {
    await session?.close()
  })

  it('runs the rules, reviews flags in bulk and previews a new rule', async () => {
    await page.goto(`${server.url}#/quality`)
    await page.locator('[data-testid=page-quality]').waitFor()
    await page.locator('[data-testid=reviewer-input]').fill('王检察官')
    await page.locator('[data-testid=quality-run]').click()
    const summary = page.locator('[data-testid=quality-run-summary]')
    await summary.waitFor({ timeout: 120_000 })
    const flags = Number(await summary.getAttribute('data-flags'))
    expect(flags).toBeGreaterThan(0)

    const count = page.locator('[data-testid=flag-count]')
    await expect
      .poll(async () => Number(await count.getAttribute('data-count')), { timeout: 30_000 })
      .toBeGreaterThan(0)
    await page.screenshot({ path: screenshotPath('20-quality.png') })

    // Select the first rows of the grid and confirm them in bulk.
    await expect
      .poll(() => page.locator('[data-testid=flag-grid] .ag-row').count(), { timeout: 30_000 })
      .toBeGreaterThan(2)
    await page.evaluate(() => {
      const grid = (
        window as unknown as {
          __yanpanFlagGrid: {
            forEachNode(cb: (n: { rowIndex: number | null; setSelected(v: boolean): void }) => void): void
          }
        }
      ).__yanpanFlagGrid
      grid.forEachNode((node) => {
        if (node.rowIndex !== null && node.rowIndex < 3) node.setSelected(true)
      })
    })
    await page.locator('[data-testid=bulk-confirm]').click()
    await expect
      .poll(() => page.locator('[data-testid=quality-notice]').textContent(), { timeout: 30_000 })
      .toContain('3')

    // A new rule: live validation points at an unknown field, then a valid condition previews hits.
    await page.locator('[data-testid=new-rule]').click()
    await page.locator('[data-testid=rule-editor]').waitFor()
    await page.locator('[data-testid=rule-name]').fill('不批准逮捕案件核对')
    const condition = page.locator('[data-testid=rule-condition]')
    await condition.fill('不存在的字段 > 1')
    await expect
      .poll(() => page.locator('[data-testid=rule-validation]').getAttribute('data-state'), {
        timeout: 30_000,
      })
      .toBe('invalid')
    expect(await page.locator('[data-testid=rule-validation]').textContent()).toContain('不存在的字段')
    await condition.fill("审结处理结果 = '不批准逮捕'")
    await expect
      .poll(() => page.locator('[data-testid=rule-preview]').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('done')
    expect(
      Number(await page.locator('[data-testid=rule-preview]').getAttribute('data-hits')),
    ).toBeGreaterThan(0)
    await page.screenshot({ path: screenshotPath('21-rule-editor.png') })
  })
})
