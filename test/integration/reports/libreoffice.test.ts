/**
 * The exported report as a reader sees it: converted by LibreOffice to PDF and PNG, with the GB/T
 * 9704 fonts mapped to Noto CJK (test/fixtures/fonts/report-fonts.conf). The PDF must carry the
 * Chinese title and headings, the chart labels drawn from the native charts, CJK fonts (no tofu),
 * and at least 20 pages. Skipped, with a message, where LibreOffice or poppler is not installed
 * (`apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk`, as .ci/run does).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { ChartBlock } from '../../../shared/reports/report-model.ts'
import { ROOT } from '../../helpers/cli.ts'
import { useReportWorkspace } from '../../helpers/report-workspace.ts'

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
const missing = ['libreoffice', 'pdftotext', 'pdftoppm', 'pdfinfo', 'pdffonts'].filter((c) => !has(c))
if (missing.length > 0)
  console.warn(
    `跳过 LibreOffice 渲染测试：未安装 ${missing.join('、')}（apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-noto-cjk）`,
  )

const FONTS = path.join(ROOT, 'test', 'fixtures', 'fonts', 'report-fonts.conf')

describe.skipIf(missing.length > 0)('the report through LibreOffice', () => {
  const workspace = useReportWorkspace()

  it('renders to PDF and PNG with its Chinese text, chart labels and CJK fonts', async () => {
    const args = { template: 'quarterly', period: '2025Q3', unit: '320100' }
    const model = await workspace().call('report/build', args)
    const exported = await workspace().call('report/export', args)
    const out = path.join(workspace().dir, 'render')
    fs.mkdirSync(out)
    const docx = path.join(out, 'report.docx')
    fs.copyFileSync(path.join(workspace().host.exportDir, exported.file), docx)
    const env = { ...process.env, FONTCONFIG_FILE: FONTS, HOME: out }
    execFileSync(
      'libreoffice',
      [
        `-env:UserInstallation=${pathToFileURL(path.join(out, 'profile')).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        docx,
      ],
      { env, stdio: 'pipe', timeout: 120_000 },
    )
    const pdf = path.join(out, 'report.pdf')
    expect(fs.existsSync(pdf)).toBe(true)

    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])
    expect(pages).toBeGreaterThanOrEqual(20)

    // Text without the layout's spaces and line breaks (a title may wrap).
    const text = execFileSync('pdftotext', [pdf, '-'], {
      encoding: 'utf8',
      env,
      maxBuffer: 64 << 20,
    }).replace(/\s+/g, '')
    expect(text).toContain(model.title)
    for (const heading of [
      '一、总体情况',
      '三、案件质量主要评价指标情况',
      '六、下一步工作建议',
      '附录数据来源与指标口径',
    ])
      expect(text).toContain(heading)
    expect(text).toContain('—1—')
    // The charts' category labels, in order: LibreOffice drew the native charts from their cached data.
    // (-raw keeps the glyphs of turned labels in drawing order.)
    const raw = execFileSync('pdftotext', ['-raw', pdf, '-'], {
      encoding: 'utf8',
      env,
      maxBuffer: 64 << 20,
    }).replace(/\s+/g, '')
    for (const id of ['arrest-trend', 'rank-arrest', 'overview-trend']) {
      const chart = model.blocks.find((b): b is ChartBlock => b.kind === 'chart' && b.id === id)!
      expect(raw).toContain(chart.chart.categories.join(''))
      expect(raw).toContain(`${chart.label}${chart.title}`)
    }

    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8', env })
    expect(fonts).toMatch(/NotoSerifCJK/)
    expect(fonts).toMatch(/NotoSansCJK/)

    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdf, path.join(out, 'page')], { env })
    const images = fs.readdirSync(out).filter((f) => /^page-\d+\.png$/.test(f))
    expect(images).toHaveLength(3)
    for (const image of images) {
      const bytes = fs.readFileSync(path.join(out, image))
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
      expect(bytes.length).toBeGreaterThan(5_000)
    }
  }, 180_000)
})
