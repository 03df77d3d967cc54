/**
 * What a template needs computed: the indicators it names (in blocks and placeholders), which of
 * them need earlier years (superlatives), the months its trend charts span, and whether it speaks of
 * 1至N月 累计 figures. Pure: reads the template only.
 */
import { placeholdersOf } from '../../../shared/reports/placeholders.ts'
import { isContextName, QUALITY_NAME } from '../../../shared/reports/placeholders.ts'
import { allBlocks, walkSections, type Block, type ReportTemplate } from '../../../shared/reports/template.ts'

export interface ReportPlan {
  /** Indicator references (ids or names) in order of first use. */
  indicators: string[]
  /** References used with |最值. */
  history: string[]
  /** Trend charts: their indicators and the months they span (a year more with lastYear). */
  trend: { indicators: string[]; months: number; inRepeat: boolean } | null
  yearToDate: boolean
}

/** Every text of a block that may hold placeholders. */
export function blockTexts(block: Block): string[] {
  const texts: string[] = []
  if ('title' in block && block.title) texts.push(block.title)
  if ('note' in block && block.note) texts.push(block.note)
  if (block.type === 'narrative') texts.push(block.text, ...(block.cases ?? []).map((c) => c.text))
  if (block.type === 'problems') texts.push(block.empty)
  if (block.type === 'suggestions') texts.push(...block.general)
  return texts
}

function blockRefs(block: Block): string[] {
  switch (block.type) {
    case 'narrative':
      return (block.cases ?? []).flatMap((c) =>
        c.when.flatMap((w) => (w.indicator === QUALITY_NAME ? [] : [w.indicator])),
      )
    case 'indicatorTable':
    case 'trendChart':
    case 'compositionChart':
    case 'profileChart':
      return block.indicators
    case 'unitTable':
      return [...block.indicators, ...(block.sortBy ? [block.sortBy] : [])]
    case 'rankingChart':
      return [block.indicator]
    case 'problems':
      return block.indicators ?? []
    default:
      return []
  }
}

export function planReport(template: ReportTemplate): ReportPlan {
  const indicators = new Set<string>()
  const history = new Set<string>()
  const add = (ref: string) => indicators.add(ref)
  const texts = [template.title, template.subtitle ?? '']
  for (const { section } of walkSections(template.sections)) texts.push(section.heading)
  const blocks = allBlocks(template)
  for (const block of blocks) {
    texts.push(...blockTexts(block))
    blockRefs(block).forEach(add)
  }
  for (const text of texts)
    for (const p of placeholdersOf(text)) {
      if (p.names.length === 1 && (isContextName(p.names[0]) || p.names[0] === QUALITY_NAME)) continue
      p.names.forEach(add)
      if (p.property === '最值') p.names.forEach((n) => history.add(n))
    }
  const repeated = new Set(
    walkSections(template.sections)
      .filter(({ section }) => section.repeat === 'children')
      .flatMap(({ section }) => allBlocks({ sections: [section] })),
  )
  const trends = blocks.filter((b): b is Extract<Block, { type: 'trendChart' }> => b.type === 'trendChart')
  const trend =
    trends.length === 0
      ? null
      : {
          indicators: [...new Set(trends.flatMap((t) => t.indicators))],
          months: Math.max(...trends.map((t) => t.months + (t.lastYear ? 12 : 0))),
          inRepeat: trends.some((t) => repeated.has(t)),
        }
  const yearToDate = blocks.some((b) => b.type === 'narrative' && b.period === 'yearToDate')
  return { indicators: [...indicators], history: [...history], trend, yearToDate }
}
