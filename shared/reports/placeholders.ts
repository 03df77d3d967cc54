/**
 * Placeholders in report text, and how a paragraph is assembled so that no sentence rests on a blank.
 *
 * A placeholder is `{名称}` or `{名称|属性}`:
 * - context: {单位} {单位简称} {上级单位} {期间} {去年同期} {同级} (全市/全省) {下级单位} (基层院/市院)
 *   {下级单位数} {生成日期} {数据截至};
 * - data quality: {核查|命中} {核查|已整改} {核查|未整改} {核查|整改率} … (QUALITY_PROPERTIES);
 * - an indicator by id or name: {不捕率} (its value), {不捕率|同比} ("同比增加3.2个百分点"),
 *   {不捕率|排名}, {不捕率|与均值比}, {不捕率|最值} ("为近三年同期最高", only when true) … (PROPERTIES);
 * - a pair of counts: {审查逮捕受理件数+审查逮捕受理人数} ("97件134人"), with |去年同期 or |同比
 *   ("件数和人数分别同比下降50.8%、64.3%").
 *
 * Text is cut into sentences (。！？) and clauses (，；). A placeholder that resolves to nothing drops
 * its clause; the sentence goes when its first clause goes, when its first clause with a figure goes
 * (that figure is what the sentence is about), or when none of its clauses that had placeholders is
 * left. So "不捕{不捕人数}，{不捕人数|同比}，不捕率{不捕率}。" loses only the 同比
 * clause when last year had no 不捕, and the whole sentence when the unit had no 审查逮捕 at all.
 */

export const CONTEXT_NAMES = [
  '单位',
  '单位简称',
  '上级单位',
  '期间',
  '去年同期',
  '同级',
  '下级单位',
  '下级单位数',
  '生成日期',
  '数据截至',
] as const
export type ContextName = (typeof CONTEXT_NAMES)[number]

export const QUALITY_NAME = '核查'
export const QUALITY_PROPERTIES = [
  '命中',
  '待核查',
  '已确认',
  '已整改',
  '误报',
  '未整改',
  '整改率',
  '规则数',
  '涉及单位数',
  '最多规则',
  '最多单位',
] as const
export type QualityProperty = (typeof QUALITY_PROPERTIES)[number]

/** Properties of an indicator placeholder; 值 is the default. */
export const PROPERTIES = [
  '值',
  '数值',
  '分子',
  '分母',
  '去年同期',
  '同比',
  '同比幅度',
  '环比',
  '环比幅度',
  '上期',
  '排名',
  '名次',
  '均值',
  '与均值比',
  '最值',
  '口径',
  '名称',
] as const
export type Property = (typeof PROPERTIES)[number]

/** What a pair of counts supports. */
export const PAIR_PROPERTIES = ['值', '去年同期', '同比', '环比'] as const satisfies readonly Property[]

export interface Placeholder {
  /** The text between the braces. */
  raw: string
  /** One name, or two for a pair. */
  names: string[]
  property: string
  /** Offset of the opening brace in the text. */
  offset: number
}

export type Token = { kind: 'text'; text: string } | { kind: 'placeholder'; placeholder: Placeholder }

export interface PlaceholderError {
  offset: number
  message: string
}

/** Splits a text into literal runs and placeholders; syntax errors are reported, not thrown. */
export function tokenize(text: string): { tokens: Token[]; errors: PlaceholderError[] } {
  const tokens: Token[] = []
  const errors: PlaceholderError[] = []
  let literal = ''
  let i = 0
  while (i < text.length) {
    const char = text[i]
    if (char === '}') {
      errors.push({ offset: i, message: `第 ${i + 1} 个字符处的“}”没有配对的“{”` })
      i++
      continue
    }
    if (char !== '{') {
      literal += char
      i++
      continue
    }
    const close = text.indexOf('}', i + 1)
    const nextOpen = text.indexOf('{', i + 1)
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      errors.push({ offset: i, message: `第 ${i + 1} 个字符处的“{”没有配对的“}”` })
      i++
      continue
    }
    const raw = text.slice(i + 1, close)
    const [namePart, property = '值', ...rest] = raw.split('|').map((s) => s.trim())
    const names = namePart.split('+').map((s) => s.trim())
    if (rest.length > 0 || names.some((n) => n === '') || property === '') {
      errors.push({ offset: i, message: `占位符“{${raw}}”格式不正确，应为 {名称} 或 {名称|属性}` })
    } else if (names.length > 2) {
      errors.push({ offset: i, message: `占位符“{${raw}}”最多组合两个指标` })
    } else {
      if (literal) tokens.push({ kind: 'text', text: literal })
      literal = ''
      tokens.push({ kind: 'placeholder', placeholder: { raw, names, property, offset: i } })
    }
    i = close + 1
  }
  if (literal) tokens.push({ kind: 'text', text: literal })
  return { tokens, errors }
}

/** Every placeholder of a text (syntax errors skipped). */
export function placeholdersOf(text: string): Placeholder[] {
  return tokenize(text).tokens.flatMap((t) => (t.kind === 'placeholder' ? [t.placeholder] : []))
}

export const isContextName = (name: string): name is ContextName =>
  (CONTEXT_NAMES as readonly string[]).includes(name)

/**
 * Checks a placeholder's shape without knowing the indicator library: context names take no
 * property, 核查 takes one of QUALITY_PROPERTIES, an indicator one of PROPERTIES, a pair one of
 * PAIR_PROPERTIES. Returns a Chinese message, or null when it is well formed.
 */
export function checkPlaceholderShape(p: Placeholder): string | null {
  const [first] = p.names
  if (p.names.length === 1 && isContextName(first)) {
    return p.property === '值' ? null : `“{${p.raw}}”：${first}不带属性`
  }
  if (p.names.length === 1 && first === QUALITY_NAME) {
    return (QUALITY_PROPERTIES as readonly string[]).includes(p.property)
      ? null
      : `“{${p.raw}}”：核查的属性应为 ${QUALITY_PROPERTIES.join('、')} 之一`
  }
  if (p.names.length === 2) {
    return (PAIR_PROPERTIES as readonly string[]).includes(p.property)
      ? null
      : `“{${p.raw}}”：两个指标组合时属性应为 ${PAIR_PROPERTIES.join('、')} 之一`
  }
  return (PROPERTIES as readonly string[]).includes(p.property)
    ? null
    : `“{${p.raw}}”：属性应为 ${PROPERTIES.join('、')} 之一`
}

/** The indicator names a text refers to (context and 核查 excluded). */
export function indicatorNamesOf(text: string): string[] {
  return placeholdersOf(text).flatMap((p) =>
    p.names.length === 1 && (isContextName(p.names[0]) || p.names[0] === QUALITY_NAME) ? [] : p.names,
  )
}

const CLAUSE_ENDS = new Set(['，', '；'])
const SENTENCE_ENDS = new Set(['。', '！', '？'])

interface Clause {
  text: string
  /** The punctuation that ended it ('' at the end of the text). */
  end: string
  placeholders: number
  /** Placeholders of figures (indicators, 核查), not of context (单位, 期间 …). */
  figures: number
  blank: boolean
}

/**
 * Fills a text's placeholders with `resolve` (null = blank) and drops what would rest on a blank:
 * the clause holding it, and the sentence when its first clause, its first clause with a figure or
 * every clause with a placeholder goes. Returns '' when nothing is left.
 * @example renderText('共{A}，{A|同比}。', r) — with A|同比 blank — === '共12人。'
 */
export function renderText(text: string, resolve: (p: Placeholder) => string | null): string {
  const { tokens } = tokenize(text)
  const sentences: Clause[][] = []
  let sentence: Clause[] = []
  let clause: Clause = { text: '', end: '', placeholders: 0, figures: 0, blank: false }
  const closeClause = (end: string) => {
    clause.end = end
    if (clause.text.trim() !== '' || clause.placeholders > 0) sentence.push(clause)
    else if (sentence.length > 0 && end !== '') sentence[sentence.length - 1].end = end
    clause = { text: '', end: '', placeholders: 0, figures: 0, blank: false }
  }
  const closeSentence = () => {
    if (sentence.length > 0) sentences.push(sentence)
    sentence = []
  }
  for (const token of tokens) {
    if (token.kind === 'placeholder') {
      const value = resolve(token.placeholder)
      clause.placeholders++
      if (!(token.placeholder.names.length === 1 && isContextName(token.placeholder.names[0])))
        clause.figures++
      if (value === null) clause.blank = true
      else clause.text += value
      continue
    }
    for (const char of token.text) {
      if (CLAUSE_ENDS.has(char)) closeClause(char)
      else if (SENTENCE_ENDS.has(char)) {
        closeClause(char)
        closeSentence()
      } else clause.text += char
    }
  }
  closeClause('')
  closeSentence()
  return sentences.map(assemble).join('')
}

function assemble(clauses: Clause[]): string {
  if (clauses[0].blank) return ''
  // The first clause with a figure carries what the sentence is about: no sentence without it.
  if (clauses.find((c) => c.figures > 0)?.blank) return ''
  const withPlaceholders = clauses.filter((c) => c.placeholders > 0)
  if (withPlaceholders.length > 0 && withPlaceholders.every((c) => c.blank)) return ''
  const kept: { text: string; end: string }[] = []
  for (const clause of clauses) {
    if (!clause.blank) kept.push({ text: clause.text, end: clause.end })
    // A dropped clause's ； still separates what came before it from what follows.
    else if (kept.length > 0 && clause.end === '；') kept[kept.length - 1].end = '；'
  }
  const terminator = clauses[clauses.length - 1].end
  return kept.map((c, i) => c.text + (i === kept.length - 1 ? terminator : c.end)).join('')
}
