/**
 * Marks the spans of validation errors in the condition text. The editor draws these segments in a
 * layer behind a transparent textarea (same font, same wrapping), so the offending text is underlined
 * where the analyst typed it. Offsets are UTF-16, as the engine reports them.
 */

export interface MarkSegment {
  text: string
  marked: boolean
}

export interface MarkSpan {
  offset?: number
  length?: number
}

/**
 * A zero-length span (an error "at the end" or "missing here") marks the next character, or a space
 * appended after the text, so there is always something visible to point at.
 *
 * @example markSegments('a < ', [{ offset: 4, length: 0 }]) →
 *   [{ text: 'a < ', marked: false }, { text: ' ', marked: true }]
 */
export function markSegments(text: string, errors: readonly MarkSpan[]): MarkSegment[] {
  const ranges: [number, number][] = []
  let needsTail = false
  for (const error of errors) {
    if (error.offset === undefined || !Number.isFinite(error.offset)) continue
    const start = Math.max(0, Math.min(text.length, Math.trunc(error.offset)))
    let end = Math.min(text.length, start + Math.max(0, Math.trunc(error.length ?? 0)))
    if (end === start) {
      if (start >= text.length) {
        needsTail = true
        continue
      }
      end = start + 1
    }
    ranges.push([start, end])
  }
  ranges.sort((a, b) => a[0] - b[0])
  const segments: MarkSegment[] = []
  let position = 0
  for (const [start, end] of ranges) {
    if (end <= position) continue
    const from = Math.max(start, position)
    if (from > position) segments.push({ text: text.slice(position, from), marked: false })
    segments.push({ text: text.slice(from, end), marked: true })
    position = end
  }
  if (position < text.length) segments.push({ text: text.slice(position), marked: false })
  if (needsTail) segments.push({ text: ' ', marked: true })
  return segments
}
