import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { RecordParser } from '../../../../electron/engine/import/read/csv-parse.ts'

/** Feeds `text` in chunks as the CSV reader does: complete records per chunk, the rest carried over. */
function parseInChunks(text: string, delimiter: string, newline: string, chunk: number): string[][] {
  const parser = new RecordParser(delimiter, newline)
  const out: string[][] = []
  let pending = ''
  for (let i = 0; i < text.length; i += chunk) {
    const input = pending + text.slice(i, i + chunk)
    pending = input.slice(parser.parse(input, false, out).cursor)
  }
  if (pending) parser.parse(pending, true, out)
  return out
}

function papaparse(text: string, delimiter: string, newline: string): string[][] {
  const rows = Papa.parse<string[]>(text, { delimiter, newline: newline as '\n' }).data
  // papaparse reports a final empty record after a trailing line break; the reader does not.
  if (text.endsWith(newline) && rows.length && rows[rows.length - 1].join('') === '') rows.pop()
  return rows
}

/** Deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PIECES = ['审查', '逮捕', 'a', '1', ' ', ',', ';', '\t', '"', '\n', '\r\n', '𠮷', '']

function randomCsv(next: () => number, delimiter: string, newline: string): string {
  const records: string[] = []
  const recordCount = 1 + Math.floor(next() * 12)
  for (let r = 0; r < recordCount; r++) {
    const fields: string[] = []
    const fieldCount = 1 + Math.floor(next() * 6)
    for (let f = 0; f < fieldCount; f++) {
      let value = ''
      const length = Math.floor(next() * 5)
      for (let k = 0; k < length; k++) value += PIECES[Math.floor(next() * PIECES.length)]
      const mustQuote =
        value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r')
      const plain = value
        .replace(/["\r\n]/g, '')
        .split(delimiter)
        .join('')
      fields.push(mustQuote || next() < 0.2 ? `"${value.replace(/"/g, '""')}"` : plain)
    }
    records.push(fields.join(delimiter))
  }
  return records.join(newline) + (next() < 0.5 ? newline : '')
}

describe('RecordParser', () => {
  it('agrees with papaparse on 3,000 random well-formed files, for any chunking', () => {
    const next = random(7)
    for (let i = 0; i < 3000; i++) {
      const delimiter = [',', '\t', ';'][i % 3]
      const newline = i % 2 ? '\r\n' : '\n'
      const text = randomCsv(next, delimiter, newline)
      const expected = papaparse(text, delimiter, newline)
      for (const chunk of [1, 3, 17, 1 << 20]) {
        expect(parseInChunks(text, delimiter, newline, chunk), JSON.stringify({ text, chunk })).toEqual(
          expected,
        )
      }
    }
  })

  it('splits plain and quoted records', () => {
    const text = 'a,b,c\n"x,1","say ""hi""",\n"",,"multi\nline"\nlast,"q"'
    expect(parseInChunks(text, ',', '\n', 4)).toEqual([
      ['a', 'b', 'c'],
      ['x,1', 'say "hi"', ''],
      ['', '', 'multi\nline'],
      ['last', 'q'],
    ])
  })

  it('keeps a quote inside an unquoted field literally, like Excel', () => {
    expect(parseInChunks('他说"好",b\n', ',', '\n', 100)).toEqual([['他说"好"', 'b']])
    expect(parseInChunks('a,5"屏,"c,d"\n', ',', '\n', 100)).toEqual([['a', '5"屏', 'c,d']])
  })

  it('keeps characters after a closing quote, like Excel', () => {
    expect(parseInChunks('"abc"def,x\n', ',', '\n', 100)).toEqual([['abcdef', 'x']])
    expect(parseInChunks('"abc"def\n"z"', ',', '\n', 3)).toEqual([['abcdef'], ['z']])
  })

  it('keeps empty lines as one empty cell and a trailing separator as an empty cell', () => {
    expect(parseInChunks('a,\n\nb\n', ',', '\n', 2)).toEqual([['a', ''], [''], ['b']])
    expect(parseInChunks('"a",', ',', '\n', 100)).toEqual([['a', '']])
  })

  it('leaves an incomplete record for the next chunk', () => {
    const parser = new RecordParser(',', '\r\n')
    const out: string[][] = []
    expect(parser.parse('a,b\r\nc,"open\r\nstill', false, out)).toEqual({ cursor: 5 })
    expect(out).toEqual([['a', 'b']])
  })

  it('reports an unterminated quote at the end of the input', () => {
    const parser = new RecordParser(',', '\n')
    const out: string[][] = []
    expect(parser.parse('a,b\nc,d\ne,"never closed\nmore\n', true, out)).toEqual({
      cursor: 8,
      unterminatedRecord: 2,
    })
    expect(out).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
  })
})
