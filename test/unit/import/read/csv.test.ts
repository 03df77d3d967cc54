import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCsv } from '../../../../electron/engine/import/read/csv.ts'
import {
  ARREST_HEADER,
  ARREST_ROWS,
  BAD_DATES,
  GB18030_ROWS,
  MESSY_LINES,
  SEMICOLON_ROWS,
} from '../../../fixtures/make-fixtures.ts'
import { expectEngineError, fixture, readAll } from './read-all.ts'

const numbered = (rows: string[][]) => rows.map((cells, i) => ({ line: i + 1, cells }))

describe('openCsv on the text fixtures', () => {
  it.each([
    ['utf8.csv', 'utf-8', ',', ARREST_ROWS],
    ['utf8-bom.csv', 'utf-8', ',', ARREST_ROWS],
    ['gbk.csv', 'gb18030', ',', ARREST_ROWS],
    ['csv-as.xls', 'gb18030', ',', ARREST_ROWS],
    ['gb18030.txt', 'gb18030', ',', GB18030_ROWS],
    ['utf16le.txt', 'utf-16le', '\t', ARREST_ROWS],
    ['utf16le-nobom.txt', 'utf-16le', '\t', ARREST_ROWS],
    ['semicolon.csv', 'utf-8', ';', SEMICOLON_ROWS],
  ])('%s: %s, separator %j, every cell exact', async (name, encoding, delimiter, body) => {
    const reader = await openCsv(fixture(name), name)
    expect(reader.format).toBe('csv')
    expect(reader.encoding).toBe(encoding)
    expect(reader.delimiter).toBe(delimiter)
    expect(reader.sheet).toBeNull()
    const { rows } = await readAll(reader)
    expect(rows).toEqual(numbered([ARREST_HEADER, ...body]))
    expect(reader.bytesRead()).toBe(reader.totalBytes)
    expect(reader.totalBytes).toBe((await stat(fixture(name))).size)
  })

  it('reads Chinese text exactly, including a 4-byte GB18030 character', async () => {
    const { rows } = await readAll(await openCsv(fixture('gb18030.txt'), 'gb18030.txt'))
    expect(rows[1].cells.slice(0, 3)).toEqual(['宁检捕受[2024]32010200001号', '𠮷某盗窃案', '𠮷某'])
    expect(rows[3].cells[1]).toBe('赵某、钱某故意伤害案')
  })

  it('keeps quoted commas, escaped quotes, embedded line breaks and spaces; numbers records', async () => {
    const reader = await openCsv(fixture('quoted.csv'), 'quoted.csv')
    const { rows } = await readAll(reader)
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4])
    expect(rows[1].cells).toEqual([
      '宁检捕受[2024]32010200011号',
      '赵某,钱某故意伤害案',
      '赵某',
      '2024-04-01',
      '2024年3月5日晚，赵某与钱某发生口角。\n随后赵某持械伤人。',
      '',
    ])
    expect(rows[2].cells.slice(4)).toEqual(['他说"我没有骗人"', '  前后有空格  '])
    expect(rows[3].cells).toEqual([
      '宁检捕受[2024]32010200013号',
      '',
      '李某',
      '2024-04-03',
      '多行\n第二行\n第三行',
      '第一行\r\n第二行',
    ])
  })

  it('passes impossible dates through untouched (typing happens later)', async () => {
    const { rows } = await readAll(await openCsv(fixture('bad-dates.csv'), 'bad-dates.csv'))
    expect(rows.slice(1).map((r) => r.cells[4])).toEqual(BAD_DATES)
  })

  it('keeps title, blank and total rows with their line numbers for header detection', async () => {
    const { rows } = await readAll(await openCsv(fixture('messy-header.csv'), 'messy-header.csv'))
    expect(rows.length).toBe(MESSY_LINES.length)
    expect(rows[2]).toEqual({ line: 3, cells: [''] })
    expect(rows[3].cells[3]).toBe('\u3000受理日期\u3000')
    expect(rows[11]).toEqual({ line: 12, cells: MESSY_LINES[11] })
  })

  it.each(['utf8-bom.csv', 'gbk.csv', 'gb18030.txt', 'utf16le.txt', 'quoted.csv', 'messy-header.csv'])(
    '%s reads the same when every chunk boundary cuts characters, quotes and CRLF',
    async (name) => {
      const whole = await readAll(await openCsv(fixture(name), name))
      for (const chunkBytes of [1, 2, 5, 13]) {
        expect((await readAll(await openCsv(fixture(name), name, { chunkBytes }))).rows).toEqual(whole.rows)
      }
    },
  )
})

describe('openCsv on bad input', () => {
  it('rejects an unterminated quote at the end of the file, naming file and row', async () => {
    const reader = await openCsv(fixture('truncated.csv'), 'truncated.csv')
    const error = await expectEngineError(
      () => readAll(reader),
      'CORRUPT_FILE',
      '「truncated.csv」',
      '第 3 行',
      '引号',
    )
    expect(error.file).toBe('truncated.csv')
    expect(error.row).toBe(3)
  })

  it('rejects NUL-heavy binary garbage before reading', async () => {
    const error = await expectEngineError(
      () => openCsv(fixture('binary-garbage.csv'), 'binary-garbage.csv'),
      'CORRUPT_FILE',
      '「binary-garbage.csv」',
      '二进制',
    )
    expect(error.row).toBe(1)
  })
})

describe('openCsv streaming', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yanpan-csv-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const bigFile = async (name: string, rows: number, tail = ''): Promise<string> => {
    const lines = ['部门受案号,嫌疑人姓名,受理日期']
    for (let i = 1; i <= rows; i++)
      lines.push(`宁检捕受[2024]320102${String(i).padStart(5, '0')}号,嫌疑人${i},2024-01-05`)
    const path = join(dir, name)
    await writeFile(
      path,
      Buffer.concat([iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'), Buffer.from(tail, 'latin1')]),
    )
    return path
  }

  it('yields batches of 2000 rows with increasing progress', async () => {
    const path = await bigFile('big.csv', 4500)
    const reader = await openCsv(path, 'big.csv', { chunkBytes: 16 * 1024 })
    const progress: number[] = []
    const sizes: number[] = []
    let last = 0
    for await (const batch of reader.batches()) {
      sizes.push(batch.length)
      progress.push(reader.bytesRead())
      expect(batch[0].line).toBe(last + 1)
      last = batch[batch.length - 1].line
    }
    expect(sizes).toEqual([2000, 2000, 501])
    expect(last).toBe(4501)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    expect(progress[0]).toBeLessThan(reader.totalBytes)
    expect(progress.at(-1)).toBe(reader.totalBytes)
  })

  it('stops when closed in the middle and can be closed twice', async () => {
    const path = await bigFile('close.csv', 10_000)
    const reader = await openCsv(path, 'close.csv', { chunkBytes: 8 * 1024 })
    let rows = 0
    for await (const batch of reader.batches()) {
      rows += batch.length
      await reader.close()
    }
    await reader.close()
    expect(rows).toBe(2000)
    expect(reader.bytesRead()).toBeLessThan(reader.totalBytes)
  })

  it('rejects a zero-filled block in the middle of a file, naming the row near it', async () => {
    const path = await bigFile('zeros.csv', 3000, '\u0000'.repeat(64 * 1024))
    const reader = await openCsv(path, 'zeros.csv', { chunkBytes: 32 * 1024 })
    const error = await expectEngineError(() => readAll(reader), 'CORRUPT_FILE', '「zeros.csv」', '二进制')
    expect(error.row).toBe(3002)
  })

  it('fails early on a quote left open for longer than any real record', async () => {
    const path = join(dir, 'open-quote.csv')
    await writeFile(path, 'a,b\n1,2\n3,"open\n' + 'x,y\n'.repeat(50_000))
    const reader = await openCsv(path, 'open-quote.csv', { chunkBytes: 4096, maxRecordChars: 10_000 })
    const error = await expectEngineError(
      () => readAll(reader),
      'CORRUPT_FILE',
      '「open-quote.csv」',
      '第 3 行',
    )
    expect(error.row).toBe(3)
    expect(reader.bytesRead()).toBeLessThan(reader.totalBytes)
  })

  it('strips a stray CR left by mixed line endings but nothing else', async () => {
    const path = join(dir, 'mixed.csv')
    await writeFile(path, 'a,b\nc, d \r\ne,"f"\r\n g ,h')
    const { rows } = await readAll(await openCsv(path, 'mixed.csv'))
    expect(rows.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['c', ' d '],
      ['e', 'f'],
      [' g ', 'h'],
    ])
  })

  it('reads a file with only a BOM as no rows', async () => {
    const path = join(dir, 'bom-only.csv')
    await writeFile(path, Buffer.from([0xef, 0xbb, 0xbf]))
    expect((await readAll(await openCsv(path, 'bom-only.csv'))).rows).toEqual([])
  })
})
