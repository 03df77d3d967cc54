/**
 * report/export: the .docx unpacked and checked part by part — the text and numbers, native charts
 * whose cached values are the computed figures, their embedded workbooks, relationships and content
 * types that agree, the GB/T 9704 page and fonts, and the "— 1 —" page number field.
 */
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from '../../../electron/engine/xlsx/exceljs.ts'
import type { ReportExportResult } from '../../../shared/ipc/report-contract.ts'
import { roundHalfUp } from '../../../shared/format/round.ts'
import type { ChartBlock, ReportModel } from '../../../shared/reports/report-model.ts'
import { useReportWorkspace } from '../../helpers/report-workspace.ts'
import { cacheValues, findAll, findFirst, parseXml, textOf, type XmlElement } from '../../helpers/xml.ts'

const workspace = useReportWorkspace()
const ARGS = { template: 'quarterly', period: '2025Q3', unit: '320100' }

let exported: ReportExportResult
let model: ReportModel
let zip: JSZip
const part = async (name: string) => {
  const file = zip.file(name)
  if (!file) throw new Error(`missing part ${name}`)
  return file.async('string')
}
let document: XmlElement

beforeAll(async () => {
  model = await workspace().call('report/build', ARGS)
  workspace().events('report/progress')
  exported = await workspace().call('report/export', ARGS)
  zip = await JSZip.loadAsync(fs.readFileSync(path.join(workspace().host.exportDir, exported.file)))
  document = parseXml(await part('word/document.xml'))
}, 120_000)

describe('the exported .docx', () => {
  it('is written into the export folder under a fresh id with a readable name, with progress and an audit entry', async () => {
    expect(exported.file).toMatch(/^[a-f0-9-]{36}\.docx$/)
    expect(exported.name).toBe('南京市人民检察院2025年第三季度业务数据分析研判报告.docx')
    expect(exported).toMatchObject({
      charts: model.counts.charts,
      tables: model.counts.tables,
      paragraphs: model.counts.paragraphs,
    })
    expect(exported.bytes).toBe(fs.statSync(path.join(workspace().host.exportDir, exported.file)).size)
    const phases = workspace()
      .events('report/progress')
      .map((p) => p.phase)
    expect(phases).toEqual(expect.arrayContaining(['computing', 'composing', 'charts', 'writing', 'done']))
    expect(phases.at(-1)).toBe('done')
    const audit = await workspace().call('audit/list', { limit: 5 })
    expect(audit[0]).toMatchObject({ action: 'report-export', object: exported.name })
  })

  it('holds the title, the cover block, the headings and the paragraphs as built', () => {
    const paragraphs = findAll(document, 'w:p').map(textOf)
    expect(paragraphs[0]).toBe(model.title)
    expect(paragraphs).toEqual(
      expect.arrayContaining(['编制单位：南京市人民检察院', '统计期间：2025年第三季度']),
    )
    for (const block of model.blocks) {
      if (block.kind === 'heading') expect(paragraphs).toContain(`${block.number}${block.text}`)
      if (block.kind === 'paragraph') expect(paragraphs).toContain(block.text)
      if (block.kind === 'table') expect(paragraphs).toContain(`${block.label}　${block.title}`)
      if (block.kind === 'chart') expect(paragraphs).toContain(`${block.label}　${block.title}`)
    }
    // Tables: one w:tbl each, header row repeated on every page, cells as built.
    const tables = findAll(document, 'w:tbl')
    expect(tables).toHaveLength(model.counts.tables + 2)
    const first = model.blocks.find((b) => b.kind === 'table')!
    if (first.kind !== 'table') throw new Error('no table')
    const rows = findAll(tables[0], 'w:tr')
    expect(findFirst(rows[0], 'w:tblHeader')).toBeDefined()
    expect(findAll(rows[1], 'w:tc').map(textOf)).toEqual(first.rows[0].cells)
    expect(textOf(document)).not.toMatch(/YANPAN-CHART/)
  })

  it('has one native chart per chart of the report, related and typed consistently', async () => {
    const n = model.counts.charts
    expect(n).toBeGreaterThanOrEqual(10)
    const rels = parseXml(await part('word/_rels/document.xml.rels'))
    const byId = new Map(findAll(rels, 'Relationship').map((r) => [r.attributes.Id, r.attributes]))
    const inline = findAll(document, 'c:chart')
    expect(inline).toHaveLength(n)
    const targets = inline.map((c) => byId.get(c.attributes['r:id'])!)
    expect(targets.map((t) => t.Target)).toEqual(
      Array.from({ length: n }, (_, i) => `charts/chart${i + 1}.xml`),
    )
    for (const t of targets)
      expect(t.Type).toBe('http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart')
    const docPr = findAll(document, 'wp:docPr').map((d) => d.attributes.id)
    expect(new Set(docPr).size).toBe(n)

    const types = parseXml(await part('[Content_Types].xml'))
    const overrides = new Map(
      findAll(types, 'Override').map((o) => [o.attributes.PartName, o.attributes.ContentType]),
    )
    const defaults = new Map(
      findAll(types, 'Default').map((d) => [d.attributes.Extension, d.attributes.ContentType]),
    )
    expect(defaults.get('xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    for (let i = 1; i <= n; i++) {
      expect(overrides.get(`/word/charts/chart${i}.xml`)).toBe(
        'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
      )
      const chartRels = parseXml(await part(`word/charts/_rels/chart${i}.xml.rels`))
      const embedded = findFirst(chartRels, 'Relationship')!.attributes
      expect(embedded.Target).toBe(`../embeddings/chart${i}.xlsx`)
      expect(zip.file(`word/embeddings/chart${i}.xlsx`)).not.toBeNull()
      const chart = parseXml(await part(`word/charts/chart${i}.xml`))
      expect(findFirst(chart, 'c:externalData')!.attributes['r:id']).toBe(embedded.Id)
    }
    // Every relationship of the document points at a part that exists.
    for (const r of findAll(rels, 'Relationship'))
      if (r.attributes.TargetMode !== 'External')
        expect(zip.file(`word/${r.attributes.Target}`)).not.toBeNull()
  })

  it('caches in each chart the figures of the report, which are the computed ones', async () => {
    const charts = model.blocks.filter((b): b is ChartBlock => b.kind === 'chart')
    for (const [i, block] of charts.entries()) {
      const xml = parseXml(await part(`word/charts/chart${i + 1}.xml`))
      const series = findAll(xml, 'c:ser')
      expect(series).toHaveLength(block.chart.type === 'pie' ? 1 : block.chart.series.length)
      series.forEach((s, k) => {
        const values = cacheValues(findFirst(s, 'c:numCache')!).map((v) =>
          v === undefined ? null : Number(v),
        )
        expect(values).toEqual(block.chart.series[k].values)
        expect(cacheValues(findFirst(findFirst(s, 'c:cat')!, 'c:strCache')!)).toEqual(block.chart.categories)
      })
    }
    // The ranking of 不捕率 against the indicator engine itself.
    const index = charts.findIndex((c) => c.id === 'rank-arrest')
    const units = (await workspace().call('units/list', {})).filter((u) => u.parent === '320100')
    const computed = await workspace().call('indicator/compute', {
      period: '2025Q3',
      units: units.map((u) => u.code),
      indicators: ['不捕率'],
    })
    const expected = computed.results
      .filter((r) => r.value !== null)
      .map((r) => roundHalfUp(r.value!, 1))
      .sort((a, b) => b - a)
    const xml = parseXml(await part(`word/charts/chart${index + 1}.xml`))
    expect(
      cacheValues(findFirst(xml, 'c:numCache')!)
        .filter((v) => v !== undefined)
        .map(Number),
    ).toEqual(expected)

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(
      (await zip.file(`word/embeddings/chart${index + 1}.xlsx`)!.async('nodebuffer')) as never,
    )
    const sheet = workbook.getWorksheet('Sheet1')!
    const column = Array.from(
      { length: charts[index].chart.categories.length },
      (_, r) => sheet.getCell(r + 2, 2).value,
    )
    expect(column.filter((v) => v !== null)).toEqual(expected)
    expect(sheet.getCell('A2').value).toBe(charts[index].chart.categories[0])
  })

  it('is laid out as GB/T 9704: A4, margins 37/35/28/26 mm, fonts and sizes, page numbers "— 1 —"', async () => {
    const sectPr = findFirst(document, 'w:sectPr')!
    expect(findFirst(sectPr, 'w:pgSz')!.attributes).toMatchObject({ 'w:w': '11906', 'w:h': '16838' })
    expect(findFirst(sectPr, 'w:pgMar')!.attributes).toMatchObject({
      'w:top': '2098',
      'w:bottom': '1984',
      'w:left': '1587',
      'w:right': '1474',
    })
    const styles = parseXml(await part('word/styles.xml'))
    const style = (id: string) => findAll(styles, 'w:style').find((s) => s.attributes['w:styleId'] === id)!
    const font = (id: string) => findFirst(style(id), 'w:rFonts')!.attributes['w:eastAsia']
    const size = (id: string) => findFirst(style(id), 'w:sz')!.attributes['w:val']
    expect([font('Title'), size('Title')]).toEqual(['方正小标宋简体', '44'])
    expect([font('ReportBody'), size('ReportBody')]).toEqual(['仿宋_GB2312', '32'])
    expect([font('Heading1'), size('Heading1')]).toEqual(['黑体', '32'])
    expect([font('Heading2'), size('Heading2')]).toEqual(['楷体_GB2312', '32'])
    expect(findFirst(style('ReportBody'), 'w:spacing')!.attributes).toMatchObject({
      'w:line': '560',
      'w:lineRule': 'exact',
    })

    const fonts = parseXml(await part('word/fontTable.xml'))
    const alt = new Map(
      findAll(fonts, 'w:font').map((f) => [
        f.attributes['w:name'],
        findFirst(f, 'w:altName')?.attributes['w:val'],
      ]),
    )
    expect(alt.get('仿宋_GB2312')).toBe('仿宋')
    expect(alt.get('楷体_GB2312')).toBe('楷体')
    expect(alt.get('方正小标宋简体')).toBe('宋体')

    const footer = parseXml(await part('word/footer1.xml'))
    expect(findAll(footer, 'w:instrText').map(textOf)).toEqual(['PAGE'])
    expect(findAll(footer, 'w:fldChar').map((f) => f.attributes['w:fldCharType'])).toEqual([
      'begin',
      'separate',
      'end',
    ])
    expect(findAll(footer, 'w:t').map(textOf)).toEqual(['— ', ' —'])
    expect(findFirst(footer, 'w:jc')!.attributes['w:val']).toBe('center')
  })
})
