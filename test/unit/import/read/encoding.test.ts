import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  binaryByteShare,
  createChunkDecoder,
  decoderKind,
  detectEncoding,
  sniffFileEncoding,
  utf8Verdict,
  type TextEncoding,
} from '../../../../electron/engine/import/read/encoding.ts'
import { openCsv } from '../../../../electron/engine/import/read/csv.ts'
import { fixture, readAll } from './read-all.ts'

const bytes = (name: string): Promise<Buffer> => readFile(fixture(name))

describe('detectEncoding', () => {
  it.each([
    ['utf8.csv', 'utf-8', 0],
    ['utf8-bom.csv', 'utf-8', 3],
    ['gbk.csv', 'gb18030', 0],
    ['gb18030.txt', 'gb18030', 0],
    ['csv-as.xls', 'gb18030', 0],
    ['utf16le.txt', 'utf-16le', 2],
    ['utf16le-nobom.txt', 'utf-16le', 0],
    ['quoted.csv', 'utf-8', 0],
  ])('%s → %s (BOM %i bytes)', async (name, encoding, bomLength) => {
    expect(detectEncoding(await bytes(name))).toEqual({ encoding, bomLength })
  })

  it('recognises UTF-16BE with and without BOM', async () => {
    const le = await bytes('utf16le-nobom.txt')
    const be = Buffer.from(le).swap16()
    expect(detectEncoding(be)).toEqual({ encoding: 'utf-16be', bomLength: 0 })
    expect(detectEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({
      encoding: 'utf-16be',
      bomLength: 2,
    })
  })

  it('does not mistake a UTF-8 sample cut inside a multibyte character for GBK', () => {
    const text = Buffer.from('部门受案号,受理日期\n宁检捕受[2024]32010200001号,2024-01-05\n', 'utf8')
    for (let cut = text.length - 1; cut > text.length - 40; cut--) {
      expect(detectEncoding(text.subarray(0, cut)).encoding).toBe('utf-8')
    }
  })

  it('tolerates a rare broken byte in UTF-8 but not GBK text', () => {
    const utf8 = Buffer.from('审查逮捕案件明细，嫌疑人张某某。'.repeat(20), 'utf8')
    utf8[30] = 0xff
    expect(utf8Verdict(utf8)).toBe('yes')
    expect(utf8Verdict(iconv.encode('审查逮捕案件明细，嫌疑人张某某。'.repeat(20), 'gbk'))).toBe('no')
    expect(utf8Verdict(Buffer.from('1,2,3\n'))).toBe('ascii')
  })
})

describe('sniffFileEncoding', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yanpan-enc-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('finds GBK text that first appears after a long pure-ASCII head', async () => {
    const head = 'id,n\n' + Array.from({ length: 20_000 }, (_, i) => `${i},${i * 7}`).join('\n') + '\n'
    expect(head.length).toBeGreaterThan(64 * 1024)
    const path = join(dir, 'late-chinese.csv')
    await writeFile(path, iconv.encode(head + '20000,审查逮捕\n', 'gbk'))
    const sniff = await sniffFileEncoding(path, (await readFile(path)).length)
    expect(sniff.encoding).toBe('gb18030')
    const { rows } = await readAll(await openCsv(path, 'late-chinese.csv'))
    expect(rows.at(-1)).toEqual({ line: 20_002, cells: ['20000', '审查逮捕'] })
  })

  it('keeps a pure-ASCII file as UTF-8', async () => {
    const path = join(dir, 'ascii.csv')
    await writeFile(path, 'a,b\n1,2\n')
    expect((await sniffFileEncoding(path, 8)).encoding).toBe('utf-8')
  })
})

describe('createChunkDecoder', () => {
  const cases: [string, TextEncoding][] = [
    ['utf8.csv', 'utf-8'],
    ['utf8-bom.csv', 'utf-8'],
    ['gbk.csv', 'gb18030'],
    ['gb18030.txt', 'gb18030'],
    ['utf16le.txt', 'utf-16le'],
    ['utf16le-nobom.txt', 'utf-16le'],
  ]

  it('uses the native decoder on this Node build', () => {
    for (const [, encoding] of cases) expect(decoderKind(encoding)).toBe('native')
  })

  // Chunks of 1–7 bytes cut every multibyte character somewhere. iconv-lite 0.7.3 loses a 4-byte
  // GB18030 character only when it arrives in 4 separate 1-byte chunks, which 1 MB reads never do.
  it.each(cases)(
    '%s decodes the same with native and iconv-lite decoders in tiny chunks',
    async (name, encoding) => {
      const data = await bytes(name)
      const whole = iconv.decode(data, encoding)
      for (const [prefer, sizes] of [
        ['native', [1, 2, 3, 7]],
        ['iconv-lite', [2, 3, 7]],
      ] as const) {
        for (const size of sizes) {
          const decoder = createChunkDecoder(encoding, prefer)
          let text = ''
          for (let i = 0; i < data.length; i += size) text += decoder.write(data.subarray(i, i + size))
          text += decoder.end()
          expect(text, `${prefer}, ${size}-byte chunks`).toBe(whole)
          expect(text.charCodeAt(0)).not.toBe(0xfeff)
        }
      }
    },
  )

  it('drops a GB18030 byte-order mark', () => {
    const decoder = createChunkDecoder('gb18030')
    expect(decoder.write(Buffer.from([0x84, 0x31, 0x95, 0x33, 0x41])) + decoder.end()).toBe('A')
  })

  it('decodes the 4-byte GB18030 character 𠮷', async () => {
    const decoder = createChunkDecoder('gb18030')
    expect(decoder.write(await bytes('gb18030.txt'))).toContain('𠮷某盗窃案')
  })
})

describe('binaryByteShare', () => {
  it('is zero for text and high for binary garbage', async () => {
    expect(binaryByteShare(await bytes('gbk.csv'))).toBe(0)
    expect(binaryByteShare(await bytes('binary-garbage.csv'))).toBeGreaterThan(0.2)
    expect(binaryByteShare(await bytes('not-zip.xlsx'))).toBeGreaterThan(0.05)
  })
})
