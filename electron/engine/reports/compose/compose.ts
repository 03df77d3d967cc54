/**
 * Template + gathered data → the report model (pure). Sections are numbered as official documents
 * number them (一、（一）1.（1）), a repeated section is written once per subordinate unit, tables
 * and charts are numbered in document order, and the analyst's edits (overrides by paragraph id)
 * replace the generated text.
 */
import { periodOfWindow, yoyWindow } from '../../../../shared/indicators/period.ts'
import { chineseNumeral, headingNumber } from '../../../../shared/reports/numbers.ts'
import type {
  ChartSpec,
  ParagraphBlock,
  ReportBlock,
  ReportModel,
} from '../../../../shared/reports/report-model.ts'
import type { Block, ReportTemplate, Section } from '../../../../shared/reports/template.ts'
import type { ReportData, ReportProblem, ReportUnit } from '../report-data.ts'
import { appendixBlocks } from './appendix.ts'
import { chineseDate, chineseMonth, parentOf, reportBinding, unitsOf, type Binding } from './binding.ts'
import { compositionChart, flagChart, profileChart, rankingChart, trendChart } from './charts.ts'
import { fill, holds } from './resolve.ts'
import { flagTable, indicatorTable, unitTable, type TableContent } from './tables.ts'

export interface ComposeInput {
  template: ReportTemplate & { source: 'builtin' | 'user' }
  data: ReportData
  overrides: Readonly<Record<string, string>>
}

/** A heading whose placeholders are blank, in general words: 各{下级单位}情况 → 各单位情况. */
const stripPlaceholders = (text: string) =>
  text
    .replace(/\{下级单位\}/g, '单位')
    .replace(/\{[^{}]*\}/g, '')
    .trim()

export function composeReport({ template, data, overrides }: ComposeInput): ReportModel {
  const blocks: ReportBlock[] = []
  const counters = [0, 0, 0, 0, 0]
  let tables = 0
  let charts = 0
  const used = new Set<string>()

  const heading = (level: 1 | 2 | 3 | 4, text: string) => {
    counters[level]++
    for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0
    blocks.push({ kind: 'heading', level, number: headingNumber(level, counters[level]), text })
  }
  const paragraph = (id: string, text: string, style: ParagraphBlock['style'] = 'body') => {
    const override = overrides[id]
    if (override !== undefined) used.add(id)
    if (text === '' && override === undefined) return
    blocks.push({
      kind: 'paragraph',
      id,
      text: override ?? text,
      original: text,
      edited: override !== undefined && override !== text,
      style,
    })
  }
  const table = (id: string, title: string, content: TableContent, note?: string) => {
    tables++
    blocks.push({ kind: 'table', id, label: `表${tables}`, title, ...content, ...(note ? { note } : {}) })
  }
  const chart = (id: string, title: string, spec: ChartSpec | null) => {
    if (spec === null) {
      paragraph(`${id}.empty`, `（${title}：本期无相关数据，图略。）`, 'note')
      return
    }
    charts++
    blocks.push({ kind: 'chart', id, label: `图${charts}`, title, chart: spec })
  }

  const report = reportBinding(data)
  const allProblems = () => {
    const seen = new Map<string, ReportProblem>()
    for (const list of data.problems.values()) for (const p of list) if (!seen.has(p.key)) seen.set(p.key, p)
    return [...seen.values()]
  }

  const writeBlock = (block: Block, binding: Binding, suffix: string) => {
    const id = `${'id' in block && block.id ? block.id : 'block'}${suffix}`
    const title = (text: string, fallback: string) => fill(data, binding, text) || fallback
    // A block about units the report's unit does not have (a 基层院's subordinates) is left out, and
    // so are flag tables and charts when there is no flag to show (the narrative says so).
    if ('units' in block && unitsOf(data, binding.unit, block.units).length === 0) {
      if (block.type !== 'compositionChart' || block.by === 'units') return
    }
    if ((block.type === 'flagTable' || block.type === 'flagChart') && !data.flags?.totals.total) return
    switch (block.type) {
      case 'narrative': {
        const bound = bindingFor(data, binding, block)
        if (!bound) return
        const chosen = block.cases?.find((c) => c.when.every((w) => holds(data, bound, w)))
        const texts = (chosen?.text ?? block.text).split(/\r?\n/).filter((t) => t.trim() !== '')
        texts.forEach((text, i) => paragraph(i === 0 ? id : `${id}.${i + 1}`, fill(data, bound, text)))
        return
      }
      case 'indicatorTable':
        return table(
          id,
          title(block.title, `${binding.unit.short}主要指标情况`),
          indicatorTable(data, binding, block),
          block.note && fill(data, binding, block.note),
        )
      case 'unitTable':
        return table(
          id,
          title(block.title, '各单位主要指标情况'),
          unitTable(data, binding, block),
          block.note && fill(data, binding, block.note),
        )
      case 'flagTable':
        return table(
          id,
          title(block.title, '数据质量核查情况'),
          flagTable(data, block),
          block.note && fill(data, binding, block.note),
        )
      case 'trendChart':
        return chart(
          id,
          title(block.title, `${binding.unit.short}指标趋势`),
          trendChart(data, binding, block),
        )
      case 'rankingChart':
        return chart(id, title(block.title, `各单位${block.indicator}`), rankingChart(data, binding, block))
      case 'compositionChart':
        return chart(
          id,
          title(block.title, `${binding.unit.short}构成情况`),
          compositionChart(data, binding, block),
        )
      case 'profileChart':
        return chart(
          id,
          title(block.title, `${binding.unit.short}主要指标对比`),
          profileChart(data, binding, block),
        )
      case 'flagChart':
        return chart(id, title(block.title, '数据质量核查情况'), flagChart(data, block))
      case 'problems': {
        const problems = (data.problems.get(block.id) ?? []).slice(0, block.limit)
        if (problems.length === 0) return paragraph(id, fill(data, binding, block.empty))
        problems.forEach((p, i) => paragraph(`${id}.${i + 1}`, `${i + 1}.${p.text}`, 'item'))
        return
      }
      case 'suggestions': {
        const texts = suggestionTexts(allProblems())
        texts
          .slice(0, block.limit)
          .forEach((text, i) => paragraph(`${id}.${i + 1}`, `${chineseNumeral(i + 1)}是${text}`, 'item'))
        block.general.forEach((text, i) => paragraph(`${id}.g${i + 1}`, fill(data, binding, text)))
        return
      }
      case 'pageBreak':
        blocks.push({ kind: 'pageBreak' })
        return
    }
  }

  const writeSection = (section: Section, level: 1 | 2 | 3 | 4, binding: Binding, suffix: string) => {
    if (section.repeat === 'children') {
      if (data.children.length === 0) return
      heading(level, fill(data, binding, section.heading) || stripPlaceholders(section.heading))
      const next = Math.min(level + 1, 4) as 1 | 2 | 3 | 4
      for (const child of data.children) {
        const bound = reportBinding(data, child)
        heading(next, child.name)
        section.blocks.forEach((b) => writeBlock(b, bound, `@${child.code}`))
        for (const sub of section.sections ?? [])
          writeSection(sub, Math.min(next + 1, 4) as 1 | 2 | 3 | 4, bound, `@${child.code}`)
      }
      return
    }
    heading(level, fill(data, binding, section.heading) || stripPlaceholders(section.heading))
    section.blocks.forEach((b) => writeBlock(b, binding, suffix))
    for (const sub of section.sections ?? [])
      writeSection(sub, Math.min(level + 1, 4) as 1 | 2 | 3 | 4, binding, suffix)
  }

  for (const section of template.sections) writeSection(section, 1, report, '')
  if (template.appendix) for (const block of appendixBlocks(data.provenance)) pushAppendix(block)

  function pushAppendix(block: ReportBlock) {
    if (block.kind === 'paragraph') paragraph(block.id, block.text, block.style)
    else blocks.push(block)
  }

  const title = fill(data, report, template.title) || stripPlaceholders(template.title)
  const subtitle = template.subtitle ? fill(data, report, template.subtitle) || null : null
  return {
    template: { id: template.id, name: template.name, source: template.source },
    title,
    subtitle,
    unit: { code: data.unit.code, name: data.unit.name, level: data.unit.level },
    period: { text: data.period.text, label: data.period.label },
    cover: template.cover
      ? {
          unit: data.unit.name,
          period: data.period.label,
          generatedAt: chineseDate(data.today),
          dataThrough: data.coverage ? chineseMonth(data.coverage.last) : null,
        }
      : null,
    blocks,
    provenance: template.appendix ? data.provenance : null,
    counts: {
      paragraphs: blocks.filter((b) => b.kind === 'paragraph').length,
      tables,
      charts,
    },
    unusedOverrides: Object.keys(overrides).filter((id) => !used.has(id)),
  }
}

/** A narrative's binding: its unit (the bound one or its 上级院) and period (the report's or 1至N月). */
function bindingFor(
  data: ReportData,
  binding: Binding,
  block: Extract<Block, { type: 'narrative' }>,
): Binding | null {
  let unit: ReportUnit | null = binding.unit
  if (block.unit === 'parent') unit = parentOf(data, binding.unit)
  if (!unit) return null
  if (block.period === 'yearToDate') {
    if (!data.yearToDate || !data.yearToDateFigures) return null
    return {
      unit,
      figures: data.yearToDateFigures,
      period: data.yearToDate,
      lastYear: periodOfWindow(yoyWindow(data.yearToDate)),
      isReportPeriod: false,
    }
  }
  return { ...binding, unit }
}

/** One suggestion per group, naming every subject of the group: 针对六合区院、秦淮区院审查起诉平均办案天数上升的情况… */
export function suggestionTexts(problems: readonly ReportProblem[]): string[] {
  const groups = new Map<string, { text: string; fallback: string; subjects: string[] }>()
  for (const p of problems) {
    if (!p.suggestion) continue
    const group = groups.get(p.suggestion.group)
    if (group) {
      if (p.suggestion.subject && !group.subjects.includes(p.suggestion.subject))
        group.subjects.push(p.suggestion.subject)
    } else
      groups.set(p.suggestion.group, {
        text: p.suggestion.text,
        fallback: p.suggestion.fallback,
        subjects: p.suggestion.subject ? [p.suggestion.subject] : [],
      })
  }
  return [...groups.values()].map((g) => g.text.replace('{对象}', g.subjects.join('、') || g.fallback))
}
