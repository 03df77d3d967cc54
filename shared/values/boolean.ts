/**
 * Yes/no flags. The 2.0 exports write 是/否, but hand-kept sheets use Y/N, 1/0, √/×, 有/无 or
 * true/false; all mean the same thing and are stored as 1 / 0.
 */
import { normalizeWidth } from './width.ts'

const TRUE_TEXTS = new Set([
  '是',
  'Y',
  'y',
  '1',
  'true',
  'TRUE',
  'True',
  'yes',
  'YES',
  'Yes',
  '√',
  '✓',
  '✔',
  '有',
  '对',
])
const FALSE_TEXTS = new Set([
  '否',
  'N',
  'n',
  '0',
  'false',
  'FALSE',
  'False',
  'no',
  'NO',
  'No',
  '×',
  '✗',
  '✘',
  '无',
  '不是',
])

/**
 * @example parseBoolean('是') === 1
 * @example parseBoolean(' Ｎ ') === 0
 * @example parseBoolean('部分') === null
 */
export function parseBoolean(text: string): 1 | 0 | null {
  if (TRUE_TEXTS.has(text)) return 1
  if (FALSE_TEXTS.has(text)) return 0
  const normalised = normalizeWidth(text)
  if (normalised === text) return null
  if (TRUE_TEXTS.has(normalised)) return 1
  if (FALSE_TEXTS.has(normalised)) return 0
  return null
}
