import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/workspace.ts'
import { openDemo, screenshotPath, type DemoSession } from './browser.ts'

const EDITED = '本季度南京市检察机关受理案件总体平稳，此句为分析人员修改后的文字。'

/**
 * The analyst writes the quarterly report of a 市院: chooses template, period and unit, reads the
 * preview (headings, tables, charts), edits a paragraph, exports the .docx and finds the edit in it;
 * then copies the built-in template in the editor, breaks and fixes a placeholder, previews and saves it.
 */
describe('分析报告 (browser mode, Chromium)', () => {
  let session: DemoSession
  let server: DemoSession['server']
  let page: Page

  beforeAll(async () => {
    session = await openDemo({
      prefix: 'yanpan-e2e-reports-',
      persons: 4000,
      from: '2024-01',
      to: '2025-06',
      viewport: { width: 1600, height: 1100 },
      acceptDownloads: true,
    })
    ;({ server, page } = session)
  })

  afterAll(async () => {
    await session?.close()
  })

  /** Records every state the progress bar shows from now on (it may come and go between polls). */
  async function watchProgress(): Promise<void> {
    await page.evaluate(() => {
      const seen: string[] = []
      ;(window as unknown as { __reportProgress: string[] }).__reportProgress = seen
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid=report-progress]')
        if (bar) seen.push(`${bar.getAttribute('data-task')}:${bar.getAttribute('data-percent')}`)
      }).observe(document.body, { subtree: true, childList: true, attributes: true })
    })
  }
  const progressSeen = () =>
    page.evaluate(() => (window as unknown as { __reportProgress: string[] }).__reportProgress)

  it('previews the quarterly report of a 市院, keeps an edited paragraph and exports it as .docx', async () => {
    await page.goto(`${server.url}#/reports`)
    await page.locator('[data-testid=page-reports]').waitFor()
    const template = page.locator('[data-testid=report-template]')
    await template.waitFor({ timeout: 60_000 })
    await template.selectOption('quarterly')

    // The default period is the latest complete quarter the data covers.
    const periodInput = page.locator('[data-testid=report-period] [data-testid=period-input]')
    await periodInput.waitFor({ timeout: 60_000 })
    expect(await periodInput.inputValue()).toBe('2025Q2')
    await page.locator('[data-testid=report-period] [data-testid=period-quarter]').selectOption('2')

    await watchProgress()
    await page.locator('[data-testid=report-unit]').selectOption('320100')
    const preview = page.locator('[data-testid=report-preview][data-unit="320100"][data-period="2025Q2"]')
    await preview.waitFor({ timeout: 90_000 })
    await expect.poll(() => preview.getAttribute('class'), { timeout: 90_000 }).toBe('report-preview')
    expect((await progressSeen()).some((state) => state.startsWith('build:'))).toBe(true)

    expect(await preview.locator('[data-testid=report-title]').textContent()).toBe(
      '南京市人民检察院2025年第二季度业务数据分析研判报告',
    )
    const headings = await preview.locator('.report-heading.level-1').allTextContents()
    expect(headings[0]).toBe('一、总体情况')
    expect(headings.length).toBeGreaterThanOrEqual(5)
    expect(await preview.locator('[data-testid=report-table]').count()).toBeGreaterThanOrEqual(2)
    const charts = preview.locator('[data-testid=report-chart]')
    expect(await charts.count()).toBeGreaterThan(5)
    // recharts draws into an SVG: a line of the first trend chart is on the page.
    await expect
      .poll(() => charts.first().locator('svg .recharts-line-curve').count(), { timeout: 30_000 })
      .toBeGreaterThan(0)
    expect(await preview.locator('svg .recharts-bar-rectangle').count()).toBeGreaterThan(0)
    await page.screenshot({ path: screenshotPath('50-report-preview.png') })

    // A click turns a paragraph into a text box; the edit is marked and kept.
    const paragraph = preview.locator('[data-testid="report-paragraph-overview-intake"]')
    const generated = (await paragraph.textContent()) ?? ''
    expect(generated).toMatch(/南京市人民检察院共受理/)
    await paragraph.click()
    const box = paragraph.locator('[data-testid=paragraph-edit-input]')
    await box.fill(EDITED)
    await paragraph.locator('[data-testid=paragraph-edit-done]').click()
    await expect.poll(() => paragraph.getAttribute('data-edited')).toBe('true')
    expect(await paragraph.locator('.report-line').first().textContent()).toBe(EDITED)
    await paragraph.locator('[data-testid=paragraph-edited]').waitFor()
    await page.screenshot({ path: screenshotPath('51-report-edited.png') })

    // A reload keeps the choices and the edit (sessionStorage).
    await page.reload()
    const reloaded = page.locator('[data-testid=report-preview][data-unit="320100"][data-period="2025Q2"]')
    await reloaded.waitFor({ timeout: 90_000 })
    await expect
      .poll(
        () =>
          reloaded.locator('[data-testid="report-paragraph-overview-intake"]').getAttribute('data-edited'),
        {
          timeout: 90_000,
        },
      )
      .toBe('true')
    await expect.poll(() => reloaded.getAttribute('class'), { timeout: 90_000 }).toBe('report-preview')
    expect(await page.locator('[data-testid=report-edited-count]').textContent()).toContain('已修改 1 段')

    // Export: a progress bar, then the download with the suggested name.
    await watchProgress()
    const downloadPromise = page.waitForEvent('download', { timeout: 120_000 })
    await page.locator('[data-testid=report-export]').click()
    const download = await downloadPromise
    expect(download.suggestedFilename()).toBe('南京市人民检察院2025年第二季度业务数据分析研判报告.docx')
    const file = path.join(tempDir('yanpan-e2e-report-download-'), 'report.docx')
    await download.saveAs(file)
    const bytes = fs.readFileSync(file)
    expect(bytes.length).toBeGreaterThan(10_000)
    const result = page.locator('[data-testid=report-export-result]')
    await result.waitFor({ timeout: 60_000 })
    expect(Number(await result.getAttribute('data-charts'))).toBeGreaterThan(5)
    expect(Number(await result.getAttribute('data-tables'))).toBeGreaterThanOrEqual(2)
    expect(Number(await result.getAttribute('data-bytes'))).toBe(bytes.length)
    expect((await progressSeen()).some((state) => state.startsWith('export:'))).toBe(true)

    // The edited sentence is in the document, the generated one is not.
    const zip = await JSZip.loadAsync(bytes)
    const documentXml = await zip.file('word/document.xml')!.async('string')
    expect(documentXml).toContain(EDITED)
    expect(documentXml).toContain('一、总体情况')
    expect(Object.keys(zip.files).filter((name) => /^word\/charts\/chart\d+\.xml$/.test(name)).length).toBe(
      Number(await result.getAttribute('data-charts')),
    )
    await page.screenshot({ path: screenshotPath('52-report-exported.png') })

    // 恢复原文 goes back to the generated text.
    await reloaded
      .locator('[data-testid="report-paragraph-overview-intake"] [data-testid=paragraph-restore]')
      .click()
    await expect
      .poll(() =>
        reloaded.locator('[data-testid="report-paragraph-overview-intake"]').getAttribute('data-edited'),
      )
      .toBe('false')
    expect(await reloaded.locator('[data-testid="report-paragraph-overview-intake"]').textContent()).toBe(
      generated,
    )
  })

  it('copies a built-in template, checks a placeholder live, previews the draft and saves it', async () => {
    await page.goto(`${server.url}#/reports/templates/quarterly`)
    const editor = page.locator('[data-testid=template-editor]')
    await editor.waitFor({ timeout: 60_000 })
    expect(await editor.getAttribute('data-readonly')).toBe('true')
    expect(await page.locator('[data-testid=template-save]').count()).toBe(0)

    await page.locator('[data-testid=template-copy]').click()
    await expect.poll(() => editor.getAttribute('data-readonly')).toBe('false')
    expect(await page.locator('[data-testid=template-id]').inputValue()).toBe('quarterly-copy')
    await page.locator('[data-testid=template-name]').fill('南京季度分析')

    // A placeholder naming no indicator is reported next to the text it is in.
    const block = page.locator('[data-testid=template-block-overview-intake]')
    await block.locator('[data-testid=template-block-toggle]').click()
    const text = block.locator('[data-testid=block-text]')
    const original = await text.inputValue()
    await text.fill('{期间}，{单位}共受理{没有这个指标}。')
    const problem = block.locator(
      '[data-testid=template-field-problem][data-path="sections.0.blocks.0.text"]',
    )
    await problem.waitFor({ timeout: 30_000 })
    expect(await problem.textContent()).toContain('没有名为“没有这个指标”的指标')
    await expect
      .poll(() => page.locator('[data-testid=template-problems]').getAttribute('data-state'))
      .toBe('invalid')
    expect(await page.locator('[data-testid=template-save]').isDisabled()).toBe(true)
    await page.screenshot({ path: screenshotPath('53-report-template-problem.png') })

    // Fixed with the placeholder inserter: the check passes.
    await text.fill('{期间}，{单位}共受理审查逮捕、审查起诉犯罪嫌疑人')
    await text.press('End')
    await block.locator('[data-testid=placeholder-indicator]').selectOption('受理人数')
    await block.locator('[data-testid=placeholder-insert]').click()
    await expect
      .poll(() => text.inputValue())
      .toBe('{期间}，{单位}共受理审查逮捕、审查起诉犯罪嫌疑人{受理人数}')
    await text.fill(original)
    await expect
      .poll(() => page.locator('[data-testid=template-problems]').getAttribute('data-state'), {
        timeout: 30_000,
      })
      .toBe('ok')

    // A block added to the first section; the draft is previewed before it is saved.
    await page
      .locator('[data-testid=template-section-overview] [data-testid=add-block-type]')
      .first()
      .selectOption('narrative')
    await page.locator('[data-testid=template-section-overview] [data-testid=add-block]').first().click()
    await page.locator('[data-testid=template-block-text-1]').waitFor()
    await expect
      .poll(() => page.locator('[data-testid=template-problems]').getAttribute('data-state'), {
        timeout: 30_000,
      })
      .toBe('ok')
    await page.locator('[data-testid=template-preview-unit]').selectOption('320100')
    await page.locator('[data-testid=template-preview-build]').click()
    const draftPreview = page.locator('[data-testid=template-preview] [data-testid=report-preview]')
    await draftPreview.waitFor({ timeout: 90_000 })
    expect(await draftPreview.getAttribute('data-template')).toBe('quarterly-copy')
    await draftPreview.locator('[data-testid="report-paragraph-text-1"]').waitFor()
    await page.screenshot({ path: screenshotPath('54-report-template-editor.png') })

    await page.locator('[data-testid=template-save]').click()
    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain('#/reports/templates/quarterly-copy')
    await expect
      .poll(() => page.locator('[data-testid=template-editor]').getAttribute('data-dirty'))
      .toBe('false')

    // The saved template is offered on the report page; then deleted again.
    await page.goto(`${server.url}#/reports`)
    const options = page.locator('[data-testid=report-template] option')
    await expect.poll(() => options.allTextContents(), { timeout: 30_000 }).toContain('南京季度分析')
    await page.goto(`${server.url}#/reports/templates/quarterly-copy`)
    await page.locator('[data-testid=template-delete]').click()
    await page.locator('[data-testid=confirm-ok]').click()
    await expect.poll(() => page.url()).toMatch(/#\/reports$/)
    await expect.poll(() => options.allTextContents(), { timeout: 30_000 }).not.toContain('南京季度分析')
  })
})
