/**
 * Checks a report template as the analyst wrote it: its shape (zod, with Chinese messages), the
 * placeholders of every text, and that every indicator it names exists and suits its block (a
 * trend chart does not mix rates and counts, a pie is made of counts).
 */
import type { z } from 'zod'
import type { IndicatorSummary } from '../../../shared/ipc/indicator-contract.ts'
import type { TemplateProblem } from '../../../shared/ipc/report-contract.ts'
import { isRateUnit, type DisplayUnit } from '../../../shared/indicators/model.ts'
import {
  checkPlaceholderShape,
  isContextName,
  QUALITY_NAME,
  tokenize,
} from '../../../shared/reports/placeholders.ts'
import {
  templateSchema,
  walkSections,
  type Block,
  type ReportTemplate,
} from '../../../shared/reports/template.ts'

/** An indicator by id, else by name. */
export function findIndicator(
  indicators: readonly IndicatorSummary[],
  ref: string,
): IndicatorSummary | undefined {
  return indicators.find((d) => d.id === ref) ?? indicators.find((d) => d.name === ref)
}

type Family = 'rate' | 'count' | 'days' | 'ratio'
function family(unit: DisplayUnit): Family {
  if (isRateUnit(unit)) return 'rate'
  if (unit === '件' || unit === '人') return 'count'
  return unit === '天' ? 'days' : 'ratio'
}
const FAMILY_NAMES: Record<Family, string> = { rate: '比率', count: '件数/人数', days: '天数', ratio: '比值' }

/** Chinese for zod's own messages (custom messages, already Chinese, are kept). */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message
  switch (issue.code) {
    case 'invalid_type':
      return issue.message.includes('undefined') ? '缺少必填项' : '类型不正确'
    case 'invalid_value':
      return `取值不正确，可选：${issue.values.map(String).join('、')}`
    case 'invalid_union':
      return '块类型不正确'
    case 'too_small':
      return issue.origin === 'array'
        ? `至少需要 ${String(issue.minimum)} 项`
        : issue.origin === 'string'
          ? `至少 ${String(issue.minimum)} 个字`
          : `不能小于 ${String(issue.minimum)}`
    case 'too_big':
      return issue.origin === 'array'
        ? `最多 ${String(issue.maximum)} 项`
        : issue.origin === 'string'
          ? `最多 ${String(issue.maximum)} 个字`
          : `不能大于 ${String(issue.maximum)}`
    case 'invalid_format':
      return '格式不正确'
    default:
      return '取值不正确'
  }
}

/**
 * Validates a template; `template` is null when its shape is wrong, and the problems say where
 * (paths like `sections.2.blocks.0.text`) and what, in Chinese.
 */
export function checkTemplate(
  input: unknown,
  indicators: readonly IndicatorSummary[],
): { template: ReportTemplate | null; problems: TemplateProblem[] } {
  const parsed = templateSchema.safeParse(input)
  if (!parsed.success) {
    return {
      template: null,
      problems: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issueMessage(issue),
      })),
    }
  }
  const template = parsed.data
  const problems: TemplateProblem[] = []
  const add = (path: string, message: string) => problems.push({ path, message })

  const checkText = (path: string, text: string | undefined) => {
    if (text === undefined) return
    const { tokens, errors } = tokenize(text)
    for (const error of errors) add(path, error.message)
    for (const token of tokens) {
      if (token.kind !== 'placeholder') continue
      const p = token.placeholder
      const shape = checkPlaceholderShape(p)
      if (shape) {
        add(path, shape)
        continue
      }
      if (p.names.length === 1 && (isContextName(p.names[0]) || p.names[0] === QUALITY_NAME)) continue
      const found = p.names.map((name) => ({ name, definition: findIndicator(indicators, name) }))
      for (const { name, definition } of found)
        if (!definition) add(path, `“{${p.raw}}”：没有名为“${name}”的指标`)
      if (p.names.length === 2)
        for (const { name, definition } of found)
          if (definition && family(definition.unit) !== 'count')
            add(path, `“{${p.raw}}”：组合的两个指标应为件数或人数，“${name}”不是`)
    }
  }
  const checkRefs = (path: string, refs: readonly string[], sameFamily?: Family | 'same') => {
    const families = new Set<Family>()
    refs.forEach((ref, i) => {
      const definition = findIndicator(indicators, ref)
      if (!definition) add(`${path}.${i}`, `没有名为“${ref}”的指标`)
      else families.add(family(definition.unit))
    })
    if (sameFamily === 'same' && families.size > 1)
      add(path, `同一图中的指标应为同一类（${[...families].map((f) => FAMILY_NAMES[f]).join('、')}不能混用）`)
    else if (sameFamily && sameFamily !== 'same' && [...families].some((f) => f !== sameFamily))
      add(path, `构成图的指标应为${FAMILY_NAMES[sameFamily]}`)
  }

  checkText('title', template.title)
  checkText('subtitle', template.subtitle)
  const paths = new Map<object, string>()
  const index = (sections: ReportTemplate['sections'], path: string) =>
    sections.forEach((section, i) => {
      paths.set(section, `${path}.${i}`)
      index(section.sections ?? [], `${path}.${i}.sections`)
    })
  index(template.sections, 'sections')
  for (const { section } of walkSections(template.sections)) {
    const path = paths.get(section)!
    checkText(`${path}.heading`, section.heading)
    section.blocks.forEach((block, i) => checkBlock(`${path}.blocks.${i}`, block))
  }
  return { template, problems }

  function checkBlock(path: string, block: Block) {
    if ('title' in block) checkText(`${path}.title`, block.title)
    if ('note' in block) checkText(`${path}.note`, block.note)
    switch (block.type) {
      case 'narrative':
        checkText(`${path}.text`, block.text)
        block.cases?.forEach((c, i) => {
          checkText(`${path}.cases.${i}.text`, c.text)
          c.when.forEach((w, k) => {
            if (w.indicator !== QUALITY_NAME)
              checkRefs(`${path}.cases.${i}.when.${k}.indicator`, [w.indicator])
            else if (w.test !== 'present' && w.test !== 'absent')
              add(`${path}.cases.${i}.when.${k}.test`, '“核查”只能判断有无核查问题（present / absent）')
          })
        })
        return
      case 'indicatorTable':
        return checkRefs(`${path}.indicators`, block.indicators)
      case 'unitTable':
        checkRefs(`${path}.indicators`, block.indicators)
        if (block.sortBy) checkRefs(`${path}.sortBy`, [block.sortBy])
        return
      case 'trendChart':
        return checkRefs(`${path}.indicators`, block.indicators, 'same')
      case 'rankingChart':
        return checkRefs(`${path}.indicator`, [block.indicator])
      case 'compositionChart':
        return checkRefs(`${path}.indicators`, block.indicators, 'count')
      case 'profileChart':
        return checkRefs(`${path}.indicators`, block.indicators, 'same')
      case 'problems':
        checkText(`${path}.empty`, block.empty)
        if (block.indicators) checkRefs(`${path}.indicators`, block.indicators)
        return
      case 'suggestions':
        block.general.forEach((text, i) => checkText(`${path}.general.${i}`, text))
        return
      default:
        return
    }
  }
}
