/**
 * Reads a field's value out of a record as SQLite stores it (numbers, 'YYYY-MM-DD', 1/0, JSON array
 * text) into the evaluator's values: numbers, strings, booleans and string arrays, null for missing.
 */
import type { FieldType } from '../domain/fields.ts'

/** What an expression evaluates to in JS. Sets are arrays of text; booleans are real booleans. */
export type ExprValue = number | string | boolean | readonly string[] | null

/**
 * @example readStored('boolean', 1) === true
 * @example readStored('set', '["盗窃罪"]') → ['盗窃罪']
 * @example readStored('date', undefined) === null
 */
export function readStored(type: FieldType, stored: unknown): ExprValue {
  if (stored === null || stored === undefined) return null
  switch (type) {
    case 'integer':
    case 'decimal':
      if (typeof stored === 'number') return stored
      return typeof stored === 'bigint' ? Number(stored) : null
    case 'boolean':
      if (typeof stored === 'boolean') return stored
      return typeof stored === 'number' ? stored !== 0 : null
    case 'date':
    case 'text':
    case 'code':
      return typeof stored === 'string' ? stored : null
    case 'set':
      return readSet(stored)
  }
}

function readSet(stored: unknown): readonly string[] | null {
  if (Array.isArray(stored)) return stored.map(String)
  if (typeof stored !== 'string') return null
  try {
    const parsed: unknown = JSON.parse(stored)
    return Array.isArray(parsed) ? parsed.map(String) : null
  } catch {
    return null
  }
}
