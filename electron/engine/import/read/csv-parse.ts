/**
 * Record splitter for delimited text, tuned for exports where most records have no quotes: such a
 * record is cut with native `String.split` (papaparse's "fast mode", but decided per record instead
 * of per chunk), and only records containing a quote take the character-level path. 2.0 exports
 * quote every multi-value 案由 cell ("盗窃罪,诈骗罪"), so nearly every chunk has quotes, which sends
 * papaparse down its slow path for the whole chunk (measured 2.7× slower; see bench/readers.ts).
 *
 * Semantics follow RFC 4180 as Excel and papaparse read it: a quote opens a quoted field only at the
 * start of a field, `""` inside it is a quote, a quoted field may span line breaks; a quote inside an
 * unquoted field is literal. After a closing quote, stray characters up to the next separator are
 * kept (Excel does the same), where papaparse would instead hunt for another quote.
 */
export interface ParseResult {
  /** Offset just after the last complete record. */
  cursor: number
  /** Set when a quoted field is still open at the end of final input: index (in `out`) of its record. */
  unterminatedRecord?: number
}

export class RecordParser {
  private readonly delimiter: string
  private readonly newline: string

  constructor(delimiter: string, newline: string) {
    this.delimiter = delimiter
    this.newline = newline
  }

  /**
   * Appends the complete records of `input` to `out`. Unless `final`, the last record is treated as
   * incomplete (it may continue in the next chunk) and left unparsed; `cursor` says where it starts.
   */
  parse(input: string, final: boolean, out: string[][]): ParseResult {
    const { delimiter, newline } = this
    const nlLength = newline.length
    const length = input.length
    let pos = 0
    let nextQuote = input.indexOf('"')
    while (pos < length) {
      let lineEnd = input.indexOf(newline, pos)
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = input.indexOf('"', pos)
      if (nextQuote === -1 || (lineEnd !== -1 && nextQuote > lineEnd)) {
        if (lineEnd === -1) {
          if (!final) return { cursor: pos }
          lineEnd = length
        }
        out.push(input.slice(pos, lineEnd).split(delimiter))
        pos = lineEnd + nlLength
        continue
      }
      const end = this.quotedRecord(input, pos, final, out)
      if (end < 0) return final ? { cursor: pos, unterminatedRecord: out.length } : { cursor: pos }
      pos = end
    }
    return { cursor: Math.min(pos, length) }
  }

  /**
   * Parses one record that contains a quote, field by field. Returns the offset after the record, or
   * -1 when it is not complete in `input` (an open quote, or no line break yet and not `final`).
   * The next separator and line break positions are cached and only searched again once passed,
   * so a long record is scanned once, not once per field.
   */
  private quotedRecord(input: string, start: number, final: boolean, out: string[][]): number {
    const { delimiter, newline } = this
    const length = input.length
    const cells: string[] = []
    let pos = start
    let nextDelim = input.indexOf(delimiter, pos)
    let nextNewline = input.indexOf(newline, pos)
    const stopAt = (from: number): number => {
      if (nextDelim !== -1 && nextDelim < from) nextDelim = input.indexOf(delimiter, from)
      if (nextNewline !== -1 && nextNewline < from) nextNewline = input.indexOf(newline, from)
      if (nextDelim === -1) return nextNewline
      if (nextNewline === -1) return nextDelim
      return nextDelim < nextNewline ? nextDelim : nextNewline
    }
    for (;;) {
      let value: string
      let from = pos
      let text = ''
      if (input.charCodeAt(pos) === 34 /* " */) {
        from = pos + 1
        for (;;) {
          const close = input.indexOf('"', from)
          if (close === -1) return -1
          if (input.charCodeAt(close + 1) === 34) {
            text += input.slice(from, close + 1)
            from = close + 2
            continue
          }
          text += input.slice(from, close)
          from = close + 1
          break
        }
        // Characters between the closing quote and the next separator are kept, as Excel does.
      }
      const stop = stopAt(from)
      if (stop === -1) {
        if (!final) return -1
        value = text + input.slice(from)
        pos = length
      } else {
        value = stop > from ? text + input.slice(from, stop) : text
        pos = stop
      }
      cells.push(value)
      if (pos >= length) {
        out.push(cells)
        return length
      }
      if (pos === nextDelim) {
        pos += delimiter.length
        if (pos >= length) {
          if (!final) return -1
          cells.push('')
          out.push(cells)
          return length
        }
        continue
      }
      out.push(cells)
      return pos + newline.length
    }
  }
}
