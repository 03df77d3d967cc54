/**
 * The text view of a definition: YAML, kept in step with the form both ways. `definitionToText`
 * writes the draft with its keys in reading order and empty optional items left out;
 * `textToDefinition` reads the analyst's text back into a draft, or says in Chinese what is wrong
 * (the YAML line and column, or where the shape does not fit). The text only has to have the right
 * shape: an empty name or a wrong formula still becomes the draft, and the live validation then
 * points at it beside the form control, as if it had been typed there.
 */
import { parseDocument, stringify } from 'yaml'
import { z } from 'zod'
import { DIRECTIONS, DISPLAY_UNITS, MEASURE_KINDS } from '../../../../../shared/indicators/model.ts'
import type { Caliber, IndicatorDefinition, Measure } from '../../../../../shared/indicators/model.ts'
import { chineseErrorMap, issuesToProblems, pathLabel } from './problems.ts'

// ---- definition → text

function measureText(measure: Measure): Record<string, unknown> {
  if ('indicator' in measure) {
    return pick(measure, ['indicator', 'part', 'description'])
  }
  return pick(measure, ['dataset', 'of', 'date', 'value', 'from', 'to', 'stat', 'filter', 'description'])
}

function caliberText(caliber: Caliber): Record<string, unknown> {
  const measures: Record<string, unknown> = {}
  for (const [name, measure] of Object.entries(caliber.measures)) measures[name] = measureText(measure)
  return { ...pick(caliber, ['id', 'name', 'from', 'to', 'note']), measures, formula: caliber.formula }
}

/** Keys in the given order; undefined, '' (optional text) and empty lists are left out. */
function pick<T extends object>(value: T, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of keys) {
    const item = (value as Record<string, unknown>)[key]
    if (item === undefined) continue
    out[key] = item
  }
  return out
}

/**
 * @example definitionToText(definition) →
 *   id: U001
 *   name: 不捕率
 *   theme: 审查逮捕
 *   …
 */
export function definitionToText(definition: IndicatorDefinition): string {
  const top: Record<string, unknown> = pick(definition, ['id', 'name'])
  if (definition.description) top.description = definition.description
  top.theme = definition.theme
  if (definition.tags.length > 0) top.tags = definition.tags
  Object.assign(top, pick(definition, ['direction', 'unit', 'precision']))
  if (definition.pairs && definition.pairs.length > 0) top.pairs = definition.pairs
  top.calibers = definition.calibers.map(caliberText)
  return stringify(top, { lineWidth: 0 })
}

// ---- text → definition

/** The shape of a draft: the model's keys and types, without its content checks (those are validation's). */
const text = z.string()
const optionalText = z.string().optional()
const datasetRef = z.preprocess(
  // `dataset: 010101` unquoted is the number 10101 in YAML: read it as the export kind it names.
  (value) => (value === 10101 ? '010101' : value === 20101 ? '020101' : value),
  z.union([z.enum(['010101', '020101']), z.number().int().positive()], {
    error: '应为 010101（审查逮捕）、020101（一审公诉）或通用数据集的编号',
  }),
)

const recordMeasureShape = z.strictObject({
  dataset: datasetRef,
  of: z.enum(MEASURE_KINDS),
  date: text.default(''),
  filter: optionalText,
  value: optionalText,
  from: optionalText,
  to: optionalText,
  stat: z.enum(['sum', 'avg', 'median']).optional(),
  description: optionalText,
})

const indicatorMeasureShape = z.strictObject({
  indicator: text,
  part: z.enum(['value', 'numerator', 'denominator']).default('value'),
  description: optionalText,
})

const measureShape = z.custom<Measure>().transform((value, context) => {
  const schema =
    value !== null && typeof value === 'object' && 'indicator' in value
      ? indicatorMeasureShape
      : recordMeasureShape
  const parsed = schema.safeParse(value, { error: chineseErrorMap })
  if (parsed.success) return parsed.data as Measure
  for (const issue of parsed.error.issues) {
    context.addIssue({ code: 'custom', message: issue.message, path: issue.path as PropertyKey[] })
  }
  return z.NEVER
})

const caliberShape = z.strictObject({
  id: text.default(''),
  name: text.default(''),
  from: optionalText,
  to: optionalText,
  note: optionalText,
  measures: z.record(z.string(), measureShape).default({}),
  formula: text.default(''),
})

const definitionShape = z.strictObject({
  id: text.default(''),
  name: text.default(''),
  description: text.default(''),
  theme: text.default(''),
  tags: z.array(text).default([]),
  direction: z.enum(DIRECTIONS),
  unit: z.enum(DISPLAY_UNITS),
  precision: z.number(),
  pairs: z.array(text).optional(),
  calibers: z.array(caliberShape).default([]),
  /** Accepted and ignored: where a definition comes from is not the text's to change. */
  source: z.enum(['library', 'user']).optional(),
})

export type TextResult =
  | { ok: true; definition: IndicatorDefinition }
  | { ok: false; message: string; line?: number; column?: number }

const YAML_MESSAGES: Record<string, string> = {
  BAD_INDENT: '缩进不正确',
  TAB_AS_INDENT: '不能用 Tab 缩进，请用空格',
  DUPLICATE_KEY: '同一层中有重复的名称',
  MISSING_CHAR: '缺少字符（引号、括号或冒号）',
  MULTILINE_IMPLICIT_KEY: '缺少冒号，或缩进不对',
  BLOCK_AS_IMPLICIT_KEY: '一行中只能有一个“名称: 取值”（取值中含“: ”时请加引号）',
  UNEXPECTED_TOKEN: '此处有多余的字符',
  BAD_SCALAR_START: '取值不能以此字符开头，请加引号',
  BAD_DQ_ESCAPE: '双引号中的转义不正确',
  BLOCK_IN_FLOW: '方括号或花括号中的写法不正确',
  MISSING_ANCHOR: '引用了不存在的锚点',
  KEY_OVER_1024_CHARS: '名称过长',
}

/** The yaml package's error, in Chinese (its messages are English; the code and a few phrases say what). */
function yamlMessage(error: { code: string; message: string }): string {
  const { code, message } = error
  if (code === 'MISSING_CHAR' && /closing .?quote/i.test(message)) return '引号未闭合'
  if (code === 'MISSING_CHAR' && /followed by map values/i.test(message)) return '名称后缺少冒号'
  if (code === 'BAD_INDENT' && /^Flow sequence/i.test(message)) return '方括号 [ ] 未闭合或缩进不足'
  if (code === 'BAD_INDENT' && /^Flow map/i.test(message)) return '花括号 { } 未闭合或缩进不足'
  return YAML_MESSAGES[code] ?? '无法解析'
}

/**
 * Reads the text view back into a draft.
 *
 * @param base the draft the text replaces: the result keeps its `source`.
 * @example textToDefinition('name: [', draft) → { ok: false, message: '第 1 行第 8 列：YAML 格式错误：缺少字符…', line: 1, column: 8 }
 */
export function textToDefinition(source: string, base: Pick<IndicatorDefinition, 'source'>): TextResult {
  const document = parseDocument(source, { prettyErrors: true, uniqueKeys: true })
  const error = document.errors[0]
  if (error) {
    const position = error.linePos?.[0]
    const where = position ? `第 ${position.line} 行第 ${position.col} 列：` : ''
    const what = yamlMessage(error)
    return {
      ok: false,
      message: `${where}YAML 格式错误：${what}`,
      line: position?.line,
      column: position?.col,
    }
  }
  const value: unknown = document.toJS()
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: '文本应为指标定义：每行“名称: 取值”，如 name: 不捕率' }
  }
  const parsed = definitionShape.safeParse(value, { error: chineseErrorMap })
  if (!parsed.success) {
    const [problem] = issuesToProblems(parsed.error.issues, value)
    const calibers = Array.isArray((value as { calibers?: unknown }).calibers)
      ? ((value as { calibers: Caliber[] }).calibers ?? [])
      : []
    const where = pathLabel(problem.path, {
      calibers: calibers.filter((c) => c !== null && typeof c === 'object'),
    })
    const line = lineOfPath(document, source, problem.path)
    const prefix = line === undefined ? '' : `第 ${line} 行：`
    return { ok: false, message: `${prefix}${where}：${problem.message}`, line }
  }
  const { source: _ignored, ...rest } = parsed.data
  return { ok: true, definition: { ...rest, source: base.source } as IndicatorDefinition }
}

/** The line (1-based) of the value at a path, or of its nearest ancestor that the text has. */
function lineOfPath(
  document: ReturnType<typeof parseDocument>,
  source: string,
  path: string,
): number | undefined {
  const keys = path === '' ? [] : path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key))
  for (let length = keys.length; length > 0; length--) {
    const node: unknown = document.getIn(keys.slice(0, length), true)
    const range = (node as { range?: [number, number, number] } | undefined)?.range
    if (range) return lineAt(source, range[0])
  }
  return undefined
}

function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++
  return line
}
