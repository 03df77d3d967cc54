import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARREST_HEADER, arrestRows } from '../helpers/case-rows.ts'
import { tempDir, writeCsv } from '../helpers/workspace.ts'
import { launchChromium, screenshotPath, startServer } from './browser.ts'

/**
 * The analyst's first steps, in the real UI served by browser mode, in headless Chromium:
 * import a file through the file picker, see its rows, scroll to the last row, undo the import.
 */
describe('import through the UI (browser mode, Chromium)', () => {
  let browser: Browser
  let server: Awaited<ReturnType<typeof startServer>>
  let page: Page
  const external: string[] = []
  const consoleErrors: string[] = []
  const ROWS = 5000

  beforeAll(async () => {
    const dir = tempDir('yanpan-e2e-')
    server = await startServer(path.join(dir, 'workspace.db'))
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) external.push(r.url())
    })
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text())
    })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('imports, shows, scrolls to the last row and undoes', async () => {
    const dir = tempDir('yanpan-e2e-files-')
    const rows = arrestRows(ROWS)
    rows[10][ARREST_HEADER.indexOf('受理日期')] = '2024-13-01'
    const file = await writeCsv(path.join(dir, '审查逮捕案件010101表.csv'), [ARREST_HEADER, ...rows], 'gbk')

    await page.goto(server.url)
    await expect.poll(() => page.locator('[data-testid=nav-import]').textContent()).toContain('数据导入')

    await page.setInputFiles('[data-testid=file-input]', file)
    const result = page.locator('[data-testid=import-result]')
    await result.waitFor({ timeout: 60_000 })
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toContain('审查逮捕案件010101表.csv')
    const resultText = (await result.textContent()) ?? ''
    expect(resultText).toContain('审查逮捕（010101）')
    expect(resultText).toContain('5,000')
    expect(resultText).toContain('2024-13-01')
    await page.locator('[data-testid=batch-row]').first().waitFor()
    await page.screenshot({ path: screenshotPath('01-imported.png'), fullPage: true })

    await page.locator('[data-testid^=dataset-]').first().click()
    const count = page.locator('[data-testid=record-count]')
    await expect.poll(() => count.getAttribute('data-count'), { timeout: 30_000 }).toBe(String(ROWS))
    // Rows arrive block by block from the engine: wait for the first record to be drawn.
    await expect
      .poll(() => page.locator('[data-testid=records-grid]').textContent(), { timeout: 30_000 })
      .toContain('XYR100000')

    // Scroll to the very last record: the infinite row model fetches the final block by itself.
    await page.evaluate((last) => {
      ;(
        window as unknown as { __yanpanGrid: { ensureIndexVisible(i: number, p: string): void } }
      ).__yanpanGrid.ensureIndexVisible(last, 'bottom')
    }, ROWS - 1)
    const lastId = `XYR${100000 + ROWS - 1}`
    await expect
      .poll(() => page.locator('[data-testid=records-grid]').textContent(), { timeout: 30_000 })
      .toContain(lastId)
    await page.screenshot({ path: screenshotPath('02-last-row.png') })

    // Back to the import page and undo the whole import.
    await page.locator('[data-testid=nav-import]').click()
    const batch = page.locator('[data-testid=batch-row]').first()
    await batch.waitFor()
    const batchId = await batch.getAttribute('data-batch-id')
    await page.locator(`[data-testid=undo-${batchId}]`).click()
    await page.locator('[data-testid=confirm-ok]').click()
    await expect
      .poll(() => page.locator('[data-testid=undo-notice]').textContent(), { timeout: 30_000 })
      .toContain('5,000')
    await expect.poll(() => batch.textContent()).toContain('已撤销')
    await page.screenshot({ path: screenshotPath('03-undone.png'), fullPage: true })

    // The emptied dataset can be deleted from its page, after a confirmation.
    await page.locator('[data-testid^=dataset-]').first().click()
    await page.locator('[data-testid=delete-dataset]').click()
    await page.locator('[data-testid=confirm-ok]').click()
    await page.locator('[data-testid=page-import]').waitFor()
    await expect.poll(() => page.locator('[data-testid^=dataset-]').count()).toBe(0)

    expect(external).toEqual([]) // nothing left the machine
    expect(consoleErrors).toEqual([])
  })

  it('shows progress and stays usable during a large import', async () => {
    const dir = tempDir('yanpan-e2e-big-')
    const big = await writeCsv(path.join(dir, '大文件.csv'), [
      ARREST_HEADER,
      ...arrestRows(150_000, 1_000_000),
    ])
    await page.locator('[data-testid=nav-import]').click()
    await page.setInputFiles('[data-testid=file-input]', big)
    const progress = page.locator('[data-testid=import-progress]')
    await progress.waitFor({ timeout: 30_000 })
    await expect
      .poll(() => progress.getAttribute('data-phase'), { timeout: 30_000 })
      .toMatch(/reading|writing/)
    await page.screenshot({ path: screenshotPath('04-progress.png') })

    // Another page answers while the engine is busy importing, and the title bar shows the import.
    await page.locator('[data-testid=nav-settings]').click()
    await expect
      .poll(() => page.locator('[data-testid=app-info]').textContent(), { timeout: 10_000 })
      .toContain('workspace.db')
    const chip = page.locator('[data-testid=import-status-chip]')
    expect(await chip.count()).toBe(1)

    // Back on the import page, the outcome is there when the import ends.
    await chip.click()
    const result = page.locator('[data-testid=import-result]')
    await expect.poll(() => result.textContent(), { timeout: 120_000 }).toContain('大文件.csv')
    expect(await result.textContent()).toContain('150,000')
  })
})
