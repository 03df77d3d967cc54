/**
 * "Did you mean" for unknown field and function names: closest names by edit distance, plus names
 * that contain what was typed (analysts often type part of a long header such as 审结日期 for
 * 全案_审结日期).
 */

/** Edit distance over characters (code points), capped: anything above `limit` returns limit + 1. */
export function editDistance(a: string, b: string, limit = 8): number {
  const left = [...a]
  const right = [...b]
  if (Math.abs(left.length - right.length) > limit) return limit + 1
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index)
  for (let i = 1; i <= left.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      current.push(value)
      rowMin = Math.min(rowMin, value)
    }
    if (rowMin > limit) return limit + 1
    previous = current
  }
  return previous[right.length]
}

/**
 * Up to `max` candidates close to `typed`, best first.
 *
 * @example suggestNames('审结日', ['受理日期', '审结日期', '前科']) → ['审结日期', '受理日期']
 */
export function suggestNames(typed: string, candidates: readonly string[], max = 3): string[] {
  const length = [...typed].length
  const limit = Math.max(1, Math.floor(length / 2))
  const scored: { name: string; score: number }[] = []
  for (const name of candidates) {
    if (name === typed) continue
    let score = editDistance(typed, name, limit)
    // Containment either way is a strong hint even when the distance is large.
    if (score > limit && length >= 2 && (name.includes(typed) || typed.includes(name))) score = limit
    if (score <= limit) scored.push({ name, score })
  }
  scored.sort((a, b) => a.score - b.score || a.name.length - b.name.length || (a.name < b.name ? -1 : 1))
  return scored.slice(0, max).map((entry) => entry.name)
}

/**
 * Splits a run of text into known words (field names and operator words) with the fewest pieces,
 * or returns null when it cannot. Used for "是否漏了空格" hints: `审结日期为空` → ['审结日期', '为空'].
 *
 * @example segmentWords('审结日期为空', new Set(['审结日期', '为空'])) → ['审结日期', '为空']
 */
export function segmentWords(text: string, words: ReadonlySet<string>): string[] | null {
  if (text.length > 200) return null
  const maxWord = Math.max(0, ...[...words].map((word) => word.length))
  // best[i]: fewest pieces covering text.slice(0, i), with the previous cut.
  const best: ({ pieces: number; from: number } | null)[] = [{ pieces: 0, from: -1 }]
  for (let end = 1; end <= text.length; end++) {
    best.push(null)
    for (let start = Math.max(0, end - maxWord); start < end; start++) {
      const before = best[start]
      if (before === null || !words.has(text.slice(start, end))) continue
      const current = best[end]
      if (current === null || before.pieces + 1 < current.pieces)
        best[end] = { pieces: before.pieces + 1, from: start }
    }
  }
  if (best[text.length] === null) return null
  const pieces: string[] = []
  for (let end = text.length; end > 0;) {
    const step = best[end] as { pieces: number; from: number }
    pieces.unshift(text.slice(step.from, end))
    end = step.from
  }
  return pieces
}
