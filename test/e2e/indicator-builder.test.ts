import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDemo, screenshotPath, type DemoSession } from './browser.ts'

/** The analyst builds a 不捕率 of their own from filter chips, checks it live, edits its text and saves it. */
describe('indicator builder (browser mode, Chromium)', () => {
  let session: DemoSession
  let server: DemoSession['server']
  let page: Page

  beforeAll(async () => {
    session = await openDemo({
      prefix: 'yanpan-e2e-builder-',
      persons: 3000,
      from: '2024-01',
      to: '2024-12',
      viewport: { width: 1500, height: 1000 },
    })
    ;({ server, page } = session)
  })

  afterAll(async () => {
    await session?.close()
  })

  /** Adds a record measure, renames it and gives it one filter chip. */
  async function addMeasure(name: string, chip: (measure: Locator) => Promise<void>): Promise<Locator> {
    const before = await page.locator('[data-testid=measure-name]').count()
    await page.locator('[data-testid=measure-add]').click()
    await expect.poll(() => page.locator('[data-testid=measure-name]').count()).toBe(before + 1)
    const nameInput = page.locator('[data-testid=measure-name]').nth(before)
    await nameInput.fill(name)
    await nameInput.press('Enter')
    const measure = page.locator(`[data-testid="measure-${name}"]`)
    await measure.waitFor()
    // The 审查逮捕 fields load from the workspace; the date field defaults to 审结日期.
    await expect.poll(() => measure.locator('[data-testid=measure-date]').inputValue()).toBe('审结日期')
    await measure.locator('[data-testid=chip-add]').click()
    await measure.locator('[data-testid=chip-field]').selectOption('审结处理结果')
    await chip(measure)
    await measure.locator('[data-testid=chip-confirm]').click()
    return measure
  }

  it('builds a 不捕率 from chips, previews it, follows text edits and saves it', async () => {
    await page.goto(`${server.url}#/indicators/builder/new`)
    await page.locator('[data-testid=indicator-builder]').waitFor({ timeout: 60_000 })

    // A new indicator has no name yet: the message is in Chinese, beside the name field.
    const nameProblem = page.locator('[data-testid=field-problem][data-path=name]')
    await nameProblem.waitFor()
    expect(await nameProblem.textContent()).toContain('指标名称不能为空')
    expect(await page.locator('[data-testid=builder-problems]').getAttribute('data-state')).toBe('local')
    expect(await page.locator('[data-testid=builder-save]').isDisabled()).toBe(true)

    await page.locator('[data-testid=builder-name]').fill('我的不捕率')
    await expect.poll(() => nameProblem.count()).toBe(0)
    await page.locator('[data-testid=builder-direction-down]').check()

    const refused = await addMeasure('不捕人数', async (measure) => {
      await measure.locator('[data-testid=chip-op]').selectOption('eq')
      await measure.locator('[data-testid=chip-value]').selectOption('不批准逮捕')
    })
    expect(await refused.locator('[data-testid=filter-chip]').textContent()).toContain(
      '审结处理结果 等于 不批准逮捕',
    )
    const approved = await addMeasure('批捕人数', async (measure) => {
      await measure.locator('[data-testid=chip-op]').selectOption('in')
      await measure.locator('[data-testid="chip-value-批准逮捕"]').check()
      await measure.locator('[data-testid="chip-value-决定逮捕"]').check()
    })
    expect(await approved.locator('[data-testid=filter-chip]').textContent()).toContain('批准逮捕、决定逮捕')

    // Numerator 不捕人数, denominator 批捕人数 + 不捕人数.
    await page.locator('[data-testid="formula-num-不捕人数"]').click()
    await page.locator('[data-testid="formula-den-批捕人数"]').click()
    await page.locator('[data-testid="formula-den-不捕人数"]').click()
    const formula = page.locator('[data-testid=builder-formula]')
    expect(await formula.inputValue()).toBe('不捕人数 / (批捕人数 + 不捕人数)')

    // The text view follows the form.
    const text = page.locator('[data-testid=builder-text]')
    expect(await text.inputValue()).toContain("filter: 审结处理结果 = '不批准逮捕'")
    expect(await text.inputValue()).toContain("filter: 审结处理结果 属于 ('批准逮捕', '决定逮捕')")

    // The engine finds it valid and previews 2024 for the province.
    const problems = page.locator('[data-testid=builder-problems]')
    await expect.poll(() => problems.getAttribute('data-state'), { timeout: 30_000 }).toBe('ok')
    await page.locator('[data-testid=preview-period]').fill('2024')
    const preview = page.locator('[data-testid=builder-preview]')
    await expect.poll(() => preview.getAttribute('data-state'), { timeout: 60_000 }).toBe('done')
    const value = Number(await preview.getAttribute('data-value'))
    expect(value).toBeGreaterThan(0)
    expect(value).toBeLessThan(100)
    expect(await preview.textContent()).toContain('%')
    expect(
      Number((await page.locator('[data-testid=preview-denominator]').textContent())?.replaceAll(',', '')),
    ).toBeGreaterThan(0)
    await page.screenshot({ path: screenshotPath('30-indicator-builder.png'), fullPage: true })

    // A formula naming an unknown measure: the engine's message sits beside the formula.
    await formula.fill('不捕人数 / 未知人数')
    const formulaProblem = page.locator('[data-testid=field-problem][data-path="calibers.0.formula"]')
    await formulaProblem.waitFor({ timeout: 30_000 })
    expect(await formulaProblem.textContent()).toContain('未知')
    await formula.fill('不捕人数 / (批捕人数 + 不捕人数)')
    await expect.poll(() => problems.getAttribute('data-state'), { timeout: 30_000 }).toBe('ok')

    // Editing the text updates the form; broken YAML says where, and the form stays as it was.
    const yaml = await text.inputValue()
    await text.fill(yaml.replace('name: 我的不捕率', 'name: 我的不捕率（文本）'))
    await expect
      .poll(() => page.locator('[data-testid=builder-name]').inputValue())
      .toBe('我的不捕率（文本）')
    await text.fill(yaml.replace('name: 我的不捕率', 'name: [我的不捕率'))
    const textError = page.locator('[data-testid=builder-text-error]')
    await textError.waitFor()
    expect(await textError.textContent()).toMatch(/第 \d+ 行第 \d+ 列：YAML 格式错误/)
    expect(await page.locator('[data-testid=builder-name]').inputValue()).toBe('我的不捕率（文本）')
    expect(await page.locator('[data-testid=builder-save]').isDisabled()).toBe(true)
    await text.fill(
      yaml.replace("审结处理结果 = '不批准逮捕'", "审结处理结果 = '不批准逮捕' 且 是否涉外案件 = 否"),
    )
    await expect.poll(() => textError.count()).toBe(0)
    await expect.poll(() => refused.locator('[data-testid=filter-chip]').count()).toBe(2)
    expect(await refused.locator('[data-testid=filter-chip]').nth(1).textContent()).toContain(
      '是否涉外案件 为 否',
    )
    expect(await page.locator('[data-testid=builder-name]').inputValue()).toBe('我的不捕率')

    // Save: back to the indicator list, and the definition is in indicator/list.
    const id = await page.locator('[data-testid=builder-id]').inputValue()
    await expect.poll(() => problems.getAttribute('data-state'), { timeout: 30_000 }).toBe('ok')
    await page.locator('[data-testid=builder-save]').click()
    await expect
      .poll(() => page.evaluate(() => window.location.hash), { timeout: 30_000 })
      .toBe('#/indicators')
    const saved = await page.evaluate(async (indicatorId) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="yanpan-token"]')?.content ?? ''
      const response = await fetch('/api/indicator/list', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-yanpan-token': token },
        body: '{}',
      })
      const envelope = (await response.json()) as {
        ok: boolean
        value: {
          id: string
          name: string
          source: string
          calibers: { formula: string; measures: Record<string, { filter?: string }> }[]
        }[]
      }
      return envelope.value.find((indicator) => indicator.id === indicatorId)
    }, id)
    expect(saved).toMatchObject({ id, name: '我的不捕率', source: 'user' })
    expect(saved?.calibers[0].formula).toBe('不捕人数 / (批捕人数 + 不捕人数)')
    expect(saved?.calibers[0].measures['不捕人数'].filter).toBe(
      "审结处理结果 = '不批准逮捕' 且 是否涉外案件 = 否",
    )

    // Opening it again loads the saved definition.
    await page.goto(`${server.url}#/indicators/builder/${encodeURIComponent(id)}`)
    await page.locator('[data-testid=indicator-builder]').waitFor()
    expect(await page.locator('[data-testid=builder-name]').inputValue()).toBe('我的不捕率')
    expect(await page.locator('[data-testid=builder-id]').getAttribute('readonly')).not.toBeNull()
  })

  it('opens a library indicator read-only and copies it as the analyst’s own', async () => {
    await page.goto(`${server.url}#/indicators/builder/${encodeURIComponent('不捕率')}`)
    await page.locator('[data-testid=indicator-builder]').waitFor({ timeout: 60_000 })
    expect(await page.locator('[data-testid=builder-name]').getAttribute('readonly')).not.toBeNull()
    expect(await page.locator('[data-testid=builder-save]').isDisabled()).toBe(true)
    await page.locator('[data-testid=builder-copy]').click()
    expect(await page.locator('[data-testid=builder-name]').inputValue()).toBe('不捕率（副本）')
    expect(await page.locator('[data-testid=builder-name]').getAttribute('readonly')).toBeNull()
    await expect
      .poll(() => page.locator('[data-testid=builder-problems]').getAttribute('data-state'), {
        timeout: 30_000,
      })
      .toBe('ok')
    expect(await page.locator('[data-testid=builder-save]').isDisabled()).toBe(false)
  })
})
