import path from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parsePeriod } from '../../shared/indicators/period.ts'
import { runCli } from '../helpers/cli.ts'
import { tempDir } from '../helpers/workspace.ts'
import { launchChromium, screenshotPath, startServer } from './browser.ts'

interface InjectedAnomaly {
  unit: string
  unitName: string
  indicator: string
  /** '2023-10' or '2022-Q3'. */
  period: string
  kind: 'change' | 'blank' | 'outlier'
  direction: 'up' | 'down' | null
}

/** Warning kinds that describe an injected anomaly (as bench/anomalies.ts counts them). */
const COMPATIBLE: Record<InjectedAnomaly['kind'], string[]> = {
  change: ['升降', '季节异常'],
  blank: ['空白', '升降', '季节异常'],
  outlier: ['离群', '升降', '季节异常'],
}

/**
 * The warning centre on the demo province (≈20,000 persons, 2022–2025): an anomaly the demo injected
 * (its manifest lists unit, indicator, period and kind) is listed with its explanation in the period
 * it was injected; its root cause ranks the contributions and draws the waterfall, a part opens its
 * records; acknowledging it with a note hides it until 显示已确认, also after a reload; a recent
 * warning's trend carries the forecast band.
 */
describe('anomaly warning centre (browser mode, Chromium)', () => {
  let browser: Browser
  let server: Awaited<ReturnType<typeof startServer>>
  let page: Page
  let anomalies: InjectedAnomaly[]

  beforeAll(async () => {
    const db = path.join(tempDir('yanpan-e2e-alerts-'), 'workspace.db')
    const demo = runCli(['demo', '--db', db, '--format', 'csv', '--json'])
    expect(demo.code, demo.stderr).toBe(0)
    anomalies = (JSON.parse(demo.stdout) as { anomalies: InjectedAnomaly[] }).anomalies
    expect(anomalies.length).toBeGreaterThan(0)
    server = await startServer(db)
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1600, height: 1400 } })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  /** Sets the period and waits for the list of that period. */
  async function showPeriod(text: string): Promise<string> {
    const parsed = parsePeriod(text.replace('-Q', 'Q'))
    if (!parsed.ok) throw new Error(parsed.message)
    const input = page.locator('[data-testid=period-input]')
    await input.fill(parsed.period.text)
    await input.press('Enter')
    await expect
      .poll(
        async () =>
          `${await page.locator('.alerts-list-section h2').textContent()} ${await page
            .locator('[data-testid=alerts-status]')
            .textContent()}`,
        { timeout: 90_000 },
      )
      .toMatch(new RegExp(`${parsed.period.label}.*用时`))
    return parsed.period.text
  }

  /**
   * The warning of an injected anomaly in the list shown: a warning (not held back) of its unit, of a
   * kind that describes it, on its indicator or — when the engine names the change on another indicator
   * of the same flow (受理人数 for 审查起诉受理人数) — that one. Null when not listed.
   */
  async function injectedRow(anomaly: InjectedAnomaly): Promise<Locator | null> {
    const rows = page.locator(
      `[data-testid=alerts-list] tr[data-testid^=alert-row-][data-unit="${anomaly.unit}"][data-suppressed=""]`,
    )
    const ids: string[] = []
    const exact: string[] = []
    for (const row of await rows.all()) {
      if (!COMPATIBLE[anomaly.kind].includes((await row.getAttribute('data-kind')) ?? '')) continue
      const id = (await row.getAttribute('data-id'))!
      ids.push(id)
      if ((await row.getAttribute('data-indicator')) === anomaly.indicator) exact.push(id)
    }
    const id = exact[0] ?? ids[0]
    return id === undefined ? null : page.locator(`[data-testid=alerts-list] [data-id="${id}"]`)
  }

  it('lists the injected anomaly, explains its root cause, drills into it and acknowledges it', async () => {
    await page.goto(`${server.url}#/alerts`)
    await page.locator('[data-testid=page-alerts]').waitFor()
    await page.locator('[data-testid=period-input]').waitFor({ timeout: 60_000 })

    // The first injected anomaly the detectors find, in the period it was injected.
    let injected: InjectedAnomaly | undefined
    let period = ''
    let row: Locator | null = null
    const missed: string[] = []
    for (const anomaly of anomalies) {
      period = await showPeriod(anomaly.period)
      row = await injectedRow(anomaly)
      if (row) {
        injected = anomaly
        break
      }
      missed.push(`${anomaly.unitName} ${anomaly.indicator} ${anomaly.period}`)
    }
    expect(row, `none of the injected anomalies is listed: ${missed.join('; ')}`).not.toBeNull()
    if (!row || !injected) return
    const warningId = (await row.getAttribute('data-id'))!
    const kind = (await row.getAttribute('data-kind'))!

    // Listed with its severity, figures, sparkline and the engine's Chinese sentence.
    const shortName = injected.unitName.replace(/(市|县|区)?人民检察院$/, '')
    const message = (await row.locator('.alert-message-text').textContent()) ?? ''
    expect(message).toContain(shortName)
    expect(message).toContain((await row.locator('td').nth(2).textContent()) ?? '')
    expect(
      Number(await row.locator('[data-testid=alert-sparkline]').getAttribute('data-points')),
    ).toBeGreaterThan(12)
    // The chips count the warnings of each kind.
    expect(
      Number(await page.locator(`[data-testid=alerts-kind-${kind}]`).getAttribute('data-count')),
    ).toBeGreaterThan(0)
    await page.screenshot({ path: screenshotPath('40-alerts.png') })

    // Detail: the sentence again, and the root cause (by 案由: a 基层院 has no 下级院).
    await row.click()
    const detail = page.locator('[data-testid=alert-detail]')
    await detail.waitFor()
    expect(await detail.getAttribute('data-id')).toBe(warningId)
    expect(await detail.locator('[data-testid=alert-message]').textContent()).toBe(message)
    const explain = detail.locator('[data-testid=alert-explain]')
    if ((await row.getAttribute('data-unit'))?.endsWith('00')) {
      expect(await explain.getAttribute('data-dimension')).toBe('unit')
    } else {
      expect(await explain.getAttribute('data-dimension')).toBe('charge')
      expect(await explain.locator('[data-testid=explain-dimension-unit]').isDisabled()).toBe(true)
    }
    const contributions = explain.locator('[data-testid=contribution-table] tbody tr')
    await expect.poll(() => contributions.count(), { timeout: 60_000 }).toBeGreaterThan(1)
    const waterfall = explain.locator('[data-testid=waterfall-chart]')
    await waterfall.waitFor()
    // Start, at least one part, end.
    expect(Number(await waterfall.getAttribute('data-bars'))).toBeGreaterThanOrEqual(3)
    await expect
      .poll(() => waterfall.locator('.recharts-bar-rectangle path').count())
      .toBeGreaterThanOrEqual(3)
    const yoySummary = (await explain.locator('[data-testid=explain-summary]').textContent()) ?? ''
    expect(yoySummary).toMatch(/→.*变动\s*[+-]?\d/)
    await detail.screenshot({ path: screenshotPath('41-alert-detail.png') })

    // 环比 decomposes against the window before.
    await explain.locator('[data-testid=explain-compare-mom]').click()
    await expect.poll(() => explain.getAttribute('data-compare')).toBe('mom')
    await expect
      .poll(async () => (await explain.locator('[data-testid=explain-summary]').textContent()) ?? '', {
        timeout: 30_000,
      })
      .not.toBe(yoySummary)

    // A part opens the records behind it, as many as its current count. (A part of an indicator summed
    // from other indicators has no records of its own: then another warning's parts are used.)
    // Parts with records in the current period (a part that fell to 0 has none to show).
    const drillable = explain.locator(
      '[data-testid=contribution-table] tbody tr.drillable:not([data-after-numerator="0"])',
    )
    await explain.locator('[data-testid=explain-compare-yoy]').click()
    await expect.poll(() => explain.getAttribute('data-compare')).toBe('yoy')
    await expect.poll(() => contributions.count(), { timeout: 30_000 }).toBeGreaterThan(1)
    if ((await drillable.count()) === 0) {
      const others = page.locator('[data-testid=alerts-list] tr[data-testid^=alert-row-]')
      for (let i = 0; i < (await others.count()) && (await drillable.count()) === 0; i++) {
        const id = await others.nth(i).getAttribute('data-id')
        await others.nth(i).click()
        await expect.poll(() => detail.getAttribute('data-id')).toBe(id)
        // Settled: the contributions, or the engine's reason why this figure cannot be decomposed.
        await expect
          .poll(
            async () =>
              (await contributions.count()) + (await explain.locator('[data-testid=error-message]').count()),
            { timeout: 30_000 },
          )
          .toBeGreaterThan(0)
      }
    }
    expect(await drillable.count()).toBeGreaterThan(0)
    const first = drillable.first()
    const table = explain.locator('[data-testid=contribution-table]')
    // A head count of one record measure: its records are exactly the part's current count.
    const exact =
      (await table.getAttribute('data-display-unit')) === '人' &&
      (await first.getAttribute('data-scopes')) === '1'
    const current = Number(await first.getAttribute('data-after-numerator'))
    await first.click()
    const drill = page.locator('[data-testid=contribution-drill]')
    await drill.waitFor()
    const count = drill.locator('[data-testid=drill-count]')
    await expect
      .poll(async () => Number((await count.getAttribute('data-count')) || -1), { timeout: 30_000 })
      .toBeGreaterThan(0)
    if (exact) expect(Number(await count.getAttribute('data-count'))).toBe(current)
    await expect
      .poll(() => drill.locator('[data-testid=drill-grid] .ag-row').count(), { timeout: 30_000 })
      .toBeGreaterThan(0)
    await page.keyboard.press('Escape')
    await drill.waitFor({ state: 'detached' })

    // Acknowledge with a note: hidden from the list, shown again with 显示已确认.
    const injectedWarning = page.locator(`[data-testid=alerts-list] [data-id="${warningId}"]`)
    await injectedWarning.click()
    await expect.poll(() => detail.getAttribute('data-id')).toBe(warningId)
    await detail.locator('[data-testid=alert-ack]').click()
    const dialog = page.locator('[data-testid=ack-dialog]')
    await dialog.waitFor()
    await dialog.locator('[data-testid=ack-note]').fill('已核实，系当期集中移送所致')
    await dialog.locator('[data-testid=ack-reviewer]').fill('张三')
    await dialog.locator('[data-testid=ack-save]').click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => injectedWarning.count()).toBe(0)
    expect(await page.locator('[data-testid=alerts-notice]').textContent()).toContain('已确认')
    expect(await detail.locator('[data-testid=alert-ack-state]').getAttribute('data-acknowledged')).toBe(
      'true',
    )
    expect(await detail.locator('[data-testid=alert-ack-state]').textContent()).toContain('张三')

    await page.locator('[data-testid=alerts-show-acknowledged]').check()
    await expect.poll(() => injectedWarning.count()).toBe(1)
    expect(await injectedWarning.locator('[data-testid=alert-ack-line]').textContent()).toContain(
      '已核实，系当期集中移送所致',
    )

    // The acknowledgement is stored: after a reload the list of that period still carries it.
    await page.reload()
    await page.locator('[data-testid=period-input]').waitFor({ timeout: 60_000 })
    await showPeriod(period)
    expect(await page.locator('[data-testid=alerts-show-acknowledged]').isChecked()).toBe(false)
    expect(await injectedWarning.count()).toBe(0)
    await page.locator('[data-testid=alerts-show-acknowledged]').check()
    await expect.poll(() => injectedWarning.count()).toBe(1)
    expect(await injectedWarning.getAttribute('data-acknowledged')).toBe('true')
  })

  it('draws the forecast band after the latest month on a recent warning’s trend', async () => {
    await showPeriod('2025Q3')
    const rows = page.locator('[data-testid=alerts-list] tr[data-testid^=alert-row-]')
    await expect.poll(() => rows.count()).toBeGreaterThan(0)
    await rows.first().click()
    const trend = page.locator('[data-testid=alert-detail] [data-testid=trend-chart]')
    await trend.waitFor()
    const band = trend.locator('[data-testid=forecast-band]')
    await band.waitFor({ timeout: 60_000 })
    expect(await band.textContent()).toMatch(/预测.*26年1月 约/)
    expect(Number(await trend.getAttribute('data-forecast'))).toBeGreaterThan(0)
    expect(await trend.locator('.forecast-band path').count()).toBeGreaterThan(0)
    await trend.screenshot({ path: screenshotPath('42-alert-forecast.png') })
  })
})
