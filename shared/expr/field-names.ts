/**
 * Resolving field names against a dataset's schema, and the Chinese messages for names that do not
 * resolve: closest names, a missing space before an operator word, or a value that lacks quotes.
 */
import { normalizeWidth } from '../values/width.ts'
import { quote } from './errors.ts'
import { segmentWords, suggestNames } from './suggest.ts'
import { CHINESE_OPERATOR_WORDS, keywordOf } from './tokens.ts'
import type { ExprField } from './types.ts'

const BARE_NAME = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}_]*$/u

/**
 * How a field name must be written in an expression: bare when it lexes as one name, else in
 * brackets.
 *
 * @example writtenName('受理日期') === '受理日期'
 * @example writtenName('审查起诉阶段量刑建议（自）有期徒刑刑期') === '[审查起诉阶段量刑建议（自）有期徒刑刑期]'
 */
export function writtenName(name: string): string {
  return BARE_NAME.test(name) && keywordOf(name) === undefined ? name : `[${name}]`
}

/** Looks names up exactly, then ignoring full-width/half-width differences and padding. */
export class FieldNames {
  private readonly exact = new Map<string, ExprField>()
  private readonly loose = new Map<string, ExprField | null>()

  constructor(private readonly fields: readonly ExprField[]) {
    for (const field of fields) {
      if (!this.exact.has(field.name)) this.exact.set(field.name, field)
      const key = looseKey(field.name)
      // Two fields that differ only in width are ambiguous: neither resolves loosely.
      this.loose.set(key, this.loose.has(key) ? null : field)
    }
  }

  resolve(name: string): ExprField | undefined {
    return this.exact.get(name) ?? this.loose.get(looseKey(name)) ?? undefined
  }

  /**
   * @example unknownMessage('审结日') === '未知字段“审结日”。是否为：审结日期？'
   * @example unknownMessage('审结日期为空') === '未知字段“审结日期为空”。是否漏了空格：审结日期 为空'
   */
  unknownMessage(name: string, bracketed: boolean): string {
    const names = this.fields.map((field) => field.name)
    const head = `未知字段${quote(name)}。`
    if (!bracketed) {
      const pieces = segmentWords(name, new Set([...names, ...CHINESE_OPERATOR_WORDS]))
      if (pieces !== null && pieces.length > 1 && pieces.some((piece) => this.exact.has(piece))) {
        return `${head}是否漏了空格：${pieces.map((piece) => (this.exact.has(piece) ? writtenName(piece) : piece)).join(' ')}`
      }
    }
    const close = suggestNames(name, names)
    if (close.length > 0) return `${head}是否为：${close.map(writtenName).join('、')}？`
    return bracketed ? head : `${head}如果${quote(name)}是文字，请加引号：'${name}'`
  }
}

function looseKey(name: string): string {
  return normalizeWidth(name).replace(/\s+/g, '')
}
