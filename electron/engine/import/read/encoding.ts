import { open } from 'node:fs/promises'
import iconv from 'iconv-lite'

/**
 * Text-encoding detection for CSV/TXT exports, from the bytes only (never the file name):
 * analysts receive UTF-8 (with or without BOM), GBK/GB18030 (Excel "CSV" on a Chinese Windows) and
 * UTF-16LE (Excel "Unicode 文本"). GB18030 is the fallback because it is a superset of GBK/GB2312.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

export interface EncodingGuess {
  encoding: TextEncoding
  /** Length of the byte-order mark at the start of the file (0 when there is none). */
  bomLength: number
}

/** Bytes sampled from the head (and, for pure-ASCII heads, from further in) of a file. */
export const SAMPLE_BYTES = 64 * 1024
const EXTRA_SAMPLES = 8

export function detectEncoding(sample: Uint8Array): EncodingGuess {
  const bom = detectBom(sample)
  if (bom) return bom
  const utf16 = detectBomlessUtf16(sample)
  if (utf16) return { encoding: utf16, bomLength: 0 }
  return { encoding: utf8Verdict(sample) === 'no' ? 'gb18030' : 'utf-8', bomLength: 0 }
}

function detectBom(b: Uint8Array): EncodingGuess | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3 }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 }
  return null
}

/**
 * UTF-16 text without BOM: ASCII characters (digits, delimiters, line breaks) leave a NUL in every
 * other byte, on the odd side for little-endian and the even side for big-endian. Other encodings
 * of real text have almost no NULs at all.
 */
function detectBomlessUtf16(b: Uint8Array): TextEncoding | null {
  const pairs = Math.floor(Math.min(b.length, SAMPLE_BYTES) / 2)
  if (pairs < 2) return null
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < pairs * 2; i += 2) {
    if (b[i] === 0) evenNul++
    if (b[i + 1] === 0) oddNul++
  }
  if (oddNul >= pairs * 0.1 && evenNul * 10 <= oddNul) return 'utf-16le'
  if (evenNul >= pairs * 0.1 && oddNul * 10 <= evenNul) return 'utf-16be'
  return null
}

/**
 * 'yes' = contains multibyte UTF-8 and is (almost) valid; 'no' = not UTF-8; 'ascii' = nothing to decide on.
 * The native fatal TextDecoder is the fast path; a few broken sequences (a truncated or hand-edited
 * file) are tolerated so that one bad byte does not turn a whole UTF-8 file into GB18030 mojibake.
 * GBK text read as UTF-8 is invalid at most multibyte positions, so the 1-in-50 tolerance never confuses them.
 */
export function utf8Verdict(sample: Uint8Array): 'yes' | 'no' | 'ascii' {
  const body = trimPartialUtf8(sample)
  if (isAscii(body)) return 'ascii'
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body)
    return 'yes'
  } catch {
    const { valid, invalid } = countUtf8Sequences(body)
    return valid > 0 && invalid * 50 <= valid ? 'yes' : 'no'
  }
}

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return false
  return true
}

/** Drops a multibyte sequence cut off by the end of the sample, which would otherwise look invalid. */
function trimPartialUtf8(b: Uint8Array): Uint8Array {
  const end = b.length
  for (let back = 1; back <= 3 && back <= end; back++) {
    const byte = b[end - back]
    if (byte < 0x80) return b
    if (byte >= 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2
      return need > back ? b.subarray(0, end - back) : b
    }
  }
  return b
}

function countUtf8Sequences(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0
  let invalid = 0
  let i = 0
  while (i < b.length) {
    const c = b[i]
    if (c < 0x80) {
      i++
      continue
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1
    let ok = need > 0 && i + need < b.length
    for (let k = 1; ok && k <= need; k++) ok = b[i + k] >= 0x80 && b[i + k] <= 0xbf
    if (ok) {
      valid++
      i += need + 1
    } else {
      invalid++
      i++
    }
  }
  return { valid, invalid }
}

/** Skips UTF-8 continuation bytes at the start of a sample taken from the middle of a file. */
function alignUtf8Start(b: Uint8Array): Uint8Array {
  let i = 0
  while (i < 3 && i < b.length && b[i] >= 0x80 && b[i] <= 0xbf) i++
  return b.subarray(i)
}

/**
 * Reads the head of the file and decides its encoding. When the head is pure ASCII (for example a
 * long run of numeric rows), a few more samples spread over the file decide between UTF-8 and GBK,
 * so a Chinese value first appearing at row 5,000 is still decoded correctly.
 */
export async function sniffFileEncoding(
  path: string,
  size: number,
): Promise<EncodingGuess & { head: Buffer }> {
  const handle = await open(path, 'r')
  try {
    const head = await readAt(handle, 0, Math.min(size, SAMPLE_BYTES))
    const guess = detectEncoding(head)
    if (guess.bomLength > 0 || guess.encoding !== 'utf-8' || size <= head.length) return { ...guess, head }
    if (utf8Verdict(head) !== 'ascii') return { ...guess, head }
    const span = Math.max(0, size - head.length - SAMPLE_BYTES)
    for (let k = 0; k <= EXTRA_SAMPLES; k++) {
      const offset = head.length + Math.floor((span * k) / EXTRA_SAMPLES)
      const verdict = utf8Verdict(alignUtf8Start(await readAt(handle, offset, SAMPLE_BYTES)))
      if (verdict === 'yes') return { ...guess, head }
      if (verdict === 'no') return { encoding: 'gb18030', bomLength: 0, head }
    }
    return { ...guess, head }
  } finally {
    await handle.close()
  }
}

async function readAt(
  handle: Awaited<ReturnType<typeof open>>,
  position: number,
  length: number,
): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  const { bytesRead } = await handle.read(buffer, 0, length, position)
  return buffer.subarray(0, bytesRead)
}

/**
 * Share of bytes that never occur in a text table (NUL and other C0 controls except tab, line breaks,
 * form feed and the DOS EOF mark). Not meaningful for UTF-16, where NULs are normal.
 */
export function binaryByteShare(sample: Uint8Array): number {
  if (sample.length === 0) return 0
  let bad = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i]
    if (
      c < 0x20 &&
      c !== 0x09 &&
      c !== 0x0a &&
      c !== 0x0d &&
      c !== 0x0c &&
      c !== 0x0b &&
      c !== 0x1a &&
      c !== 0x1b
    )
      bad++
  }
  return bad / sample.length
}

/**
 * A chunk-safe decoder: multibyte characters split across chunks are kept for the next write, and a
 * leading byte-order mark (including GB18030's 84 31 95 33) is dropped.
 *
 * The runtime's native TextDecoder (ICU) is used when it knows the encoding: measured here it decodes
 * GBK/GB18030 about 4× faster than iconv-lite and UTF-8 2× faster, which is a large share of a CSV
 * import. Node's official builds carry full ICU; a runtime built with reduced ICU data (an Electron
 * build may be) falls back to iconv-lite's streaming decoder, the same one `iconv.decodeStream` wraps.
 */
export interface ChunkDecoder {
  write(chunk: Buffer): string
  end(): string
}

export function createChunkDecoder(encoding: TextEncoding, prefer: DecoderKind = 'native'): ChunkDecoder {
  const native = prefer === 'native' ? nativeDecoder(encoding) : null
  const decode = native
    ? { write: (chunk: Buffer) => native.decode(chunk, { stream: true }), end: () => native.decode() }
    : legacyDecoder(encoding)
  let started = false
  const dropBom = (text: string): string => {
    if (started || text.length === 0) return text
    started = true
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  }
  return {
    write: (chunk) => dropBom(decode.write(chunk)),
    end: () => dropBom(decode.end()),
  }
}

export type DecoderKind = 'native' | 'iconv-lite'

/** Which decoder this runtime will use for an encoding (for diagnostics and tests). */
export function decoderKind(encoding: TextEncoding): DecoderKind {
  return nativeDecoder(encoding) ? 'native' : 'iconv-lite'
}

/** Probe text whose bytes exercise 2- and 4-byte GB18030 sequences and a UTF-16 surrogate pair. */
const PROBE = '审𠮷'

function nativeDecoder(encoding: TextEncoding): TextDecoder | null {
  try {
    const decoder = new TextDecoder(encoding)
    return decoder.decode(iconv.encode(PROBE, encoding)) === PROBE ? new TextDecoder(encoding) : null
  } catch {
    return null
  }
}

function legacyDecoder(encoding: TextEncoding): ChunkDecoder {
  const decoder = iconv.getDecoder(encoding, { stripBOM: false })
  return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' }
}
