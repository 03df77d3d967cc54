/**
 * SQL's three-valued logic and value order, in JS, so the evaluator answers exactly what SQLite
 * answers: null is "unknown", a comparison with null is unknown, `且` is false as soon as one side is
 * false, `或` is true as soon as one side is true, and a condition holds only when it is true.
 */

export type Truth = boolean | null

/** @example and3([true, null]) === null; and3([false, null]) === false */
export function and3(values: readonly Truth[]): Truth {
  let unknown = false
  for (const value of values) {
    if (value === false) return false
    if (value === null) unknown = true
  }
  return unknown ? null : true
}

/** @example or3([false, null]) === null; or3([true, null]) === true */
export function or3(values: readonly Truth[]): Truth {
  let unknown = false
  for (const value of values) {
    if (value === true) return true
    if (value === null) unknown = true
  }
  return unknown ? null : false
}

export function not3(value: Truth): Truth {
  return value === null ? null : !value
}

/**
 * Orders text the way SQLite's BINARY collation does: by UTF-8 bytes, i.e. by code point. JS `<`
 * compares UTF-16 units, which differs for characters outside the BMP (𠀀 sorts after ｆ in SQLite,
 * before it in UTF-16).
 *
 * @example compareText('a', 'b') < 0
 * @example compareText('\u{20000}', '\uFF46') > 0
 */
export function compareText(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let index = 0; index < length; index++) {
    const x = a.charCodeAt(index)
    const y = b.charCodeAt(index)
    if (x === y) continue
    const xSurrogate = x >= 0xd800 && x <= 0xdfff
    const ySurrogate = y >= 0xd800 && y <= 0xdfff
    // A surrogate stands for a code point above U+FFFF, greater than any BMP character.
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1
    return x - y
  }
  return a.length - b.length
}

/** Compares two non-null values of the same expression type: numbers, dates/text, booleans. */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b)
  const x = Number(a)
  const y = Number(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * SQLite's length(): characters (code points) before the first NUL.
 *
 * @example sqlLength('受理𠀀') === 3
 */
export function sqlLength(text: string): number {
  let count = 0
  for (const char of text) {
    if (char === '\u0000') break
    count++
  }
  return count
}
