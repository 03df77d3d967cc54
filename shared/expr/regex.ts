/**
 * Regular-expression matching for 匹配, shared by the JS evaluator and the SQLite `regexp()`
 * function the engine registers, so both give the same answer for the same pattern and text.
 *
 * Patterns are JavaScript regular expressions with the `u` flag (characters, not UTF-16 halves),
 * unanchored: `匹配 '^\d{18}$'` to require the whole text.
 */

const CACHE_LIMIT = 200
const cache = new Map<string, RegExp | null>()

function compile(pattern: string): RegExp | null {
  let regex = cache.get(pattern)
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern, 'u')
    } catch {
      regex = null
    }
    // A rule run evaluates the same few patterns millions of times: keep them compiled.
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
    cache.set(pattern, regex)
  }
  return regex
}

/**
 * Null when either side is null (or not text) or the pattern is invalid; else whether it matches.
 *
 * @example regexMatches('^\\d{6}$', '320100') === true
 * @example regexMatches('(', 'x') === null
 */
export function regexMatches(pattern: unknown, text: unknown): boolean | null {
  if (typeof pattern !== 'string' || typeof text !== 'string') return null
  const regex = compile(pattern)
  return regex === null ? null : regex.test(text)
}

/**
 * Why a pattern does not compile (the engine's own message), or null when it is fine.
 *
 * @example regexError('[a-') !== null
 */
export function regexError(pattern: string): string | null {
  try {
    new RegExp(pattern, 'u')
    return null
  } catch (error) {
    // V8 says 'Invalid regular expression: /[a-/u: Unterminated character class': keep the reason.
    const message = error instanceof Error ? error.message : String(error)
    return message.slice(message.lastIndexOf(': ') + 2) || message
  }
}
