import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/workspace.ts'
import { launchChromium, screenshotPath, startServer } from './browser.ts'

/** `npm start` on an empty workspace offers the demo province and builds it with a progress bar. */
describe('first start on an empty workspace (browser mode, Chromium)', () => {
  let browser: Browser
  let server: Awaited<ReturnType<typeof startServer>>

  beforeAll(async () => {
    server = await startServer(path.join(tempDir('yanpan-e2e-first-'), 'workspace.db'), ['--offer-demo'])
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('offers the demo, creates it with progress, and does not offer it again', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(server.url)
    const offer = page.locator('[data-testid=demo-offer]')
    await offer.waitFor({ timeout: 30_000 })
    expect(await offer.textContent()).toContain('秒后自动开始')
    await page.screenshot({ path: screenshotPath('10-demo-offer.png') })

    await page.locator('[data-testid=demo-start]').click()
    await page.locator('[data-testid=demo-progress]').waitFor()
    await expect.poll(() => page.locator('[data-testid=demo-done]').count(), { timeout: 120_000 }).toBe(1)
    expect(await page.locator('[data-testid=demo-done]').textContent()).toMatch(
      /演示数据已生成并导入：\d+ 个文件/,
    )
    await page.locator('[data-testid=demo-close]').click()
    await expect.poll(() => page.locator('[data-testid^=dataset-]').count(), { timeout: 30_000 }).toBe(2)
    await page.screenshot({ path: screenshotPath('11-demo-imported.png'), fullPage: true })

    // Answered once: a reload does not offer it again.
    await page.reload()
    await page.locator('[data-testid=page-import]').waitFor()
    await page.waitForTimeout(1000)
    expect(await offer.count()).toBe(0)
  })
})
