/**
 * Recognises a file's container from its first bytes, never from its name: analysts rename files,
 * and case systems' "导出 Excel" often produces CSV, HTML or XML under an .xls name.
 */
export type FileKind =
  'empty' | 'zip' | 'ole2' | 'pdf' | 'gzip' | 'rar' | '7z' | 'html' | 'xml-spreadsheet' | 'text'

export const SNIFF_BYTES = 1024

const MAGIC: [FileKind, number[]][] = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['zip', [0x50, 0x4b, 0x05, 0x06]], // an empty archive: still a zip, judged by the zip guard
  ['ole2', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['gzip', [0x1f, 0x8b]],
  ['rar', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
]

export function sniffKind(head: Uint8Array): FileKind {
  if (head.length === 0) return 'empty'
  for (const [kind, magic] of MAGIC) {
    if (head.length >= magic.length && magic.every((byte, i) => head[i] === byte)) return kind
  }
  return markupKind(head) ?? 'text'
}

/** HTML tables and Excel 2003 XML saved as ".xls"; only ASCII-compatible encodings are checked. */
function markupKind(head: Uint8Array): FileKind | null {
  let start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0
  while (start < head.length && (head[start] === 0x20 || (head[start] >= 0x09 && head[start] <= 0x0d)))
    start++
  if (head[start] !== 0x3c /* '<' */) return null
  const text = Buffer.from(head.subarray(start)).toString('latin1').toLowerCase()
  if (
    text.startsWith('<?xml') &&
    (text.includes('urn:schemas-microsoft-com:office:spreadsheet') || text.includes('<workbook'))
  ) {
    return 'xml-spreadsheet'
  }
  if (
    /^<(!doctype html|html|table|head|body|meta|style)[\s>]/.test(text) ||
    /^<\?xml[^>]*>\s*<html/.test(text)
  )
    return 'html'
  return null
}
