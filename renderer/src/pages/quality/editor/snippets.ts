/**
 * What clicking a function, field or parameter in the editor's help inserts into the condition, and
 * where the caret goes afterwards. Field names go through `writtenName` (brackets when the name has
 * symbols); 捕诉衔接 conditions name the stage of each field (`逮捕.审结日期`).
 */
import type { DatasetKind } from '../../../../../shared/domain/fields.ts'
import { writtenName } from '../../../../../shared/expr/index.ts'
import type { FunctionHelp } from '../../../../../shared/expr/index.ts'
import type { FormType } from './ruleDraft.ts'

export interface Snippet {
  text: string
  /** Caret position inside `text` after insertion (default: at its end). */
  caret?: number
}

const STAGE_PREFIX: Partial<Record<DatasetKind, string>> = { '010101': '逮捕.', '020101': '公诉.' }

export function fieldSnippet(name: string, formType: FormType, kind: DatasetKind | undefined): Snippet {
  const prefix = formType === 'crossStage' && kind !== undefined ? (STAGE_PREFIX[kind] ?? '') : ''
  return { text: prefix + writtenName(name) }
}

/** Case-level aggregates of a field (同案比对): distinct-value count or the set of values. */
export const caseAggregateSnippet = (field: string, what: '取值数' | '集合'): Snippet => ({
  text: writtenName(`案内_${field}_${what}`),
})

/** `天数差()` with the caret between the brackets, ready for the arguments. */
export const functionSnippet = (fn: Pick<FunctionHelp, 'name'>): Snippet => ({
  text: `${fn.name}()`,
  caret: fn.name.length + 1,
})

export const parameterSnippet = (name: string): Snippet => ({ text: `@${name}` })

/** Chinese keywords must stand apart from names (`审结日期 为空`), so a name glued to text gets a space. */
const JOINS_WITHOUT_SPACE = /[\s(（[【,，、]$/

/**
 * Replaces the selection [start, end) with the snippet; returns the new text and caret.
 *
 * @example insertSnippet('受理日期 <', 6, 6, { text: '审结日期' }) → { text: '受理日期 < 审结日期', caret: 11 }
 */
export function insertSnippet(
  text: string,
  start: number,
  end: number,
  snippet: Snippet,
): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length))
  const to = Math.max(from, Math.min(end, text.length))
  const before = text.slice(0, from)
  const space = before === '' || JOINS_WITHOUT_SPACE.test(before) ? '' : ' '
  const inserted = space + snippet.text
  return {
    text: before + inserted + text.slice(to),
    caret: from + space.length + (snippet.caret ?? snippet.text.length),
  }
}
