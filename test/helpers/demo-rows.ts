/**
 * Reads a generated demo province back for tests: the GBK CSV exports as header → text rows, grouped
 * by kind, plus indexes (by case, by suspect) and the set of rows the manifest says were corrupted.
 */
import fs from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import type { Row } from '../../electron/engine/demo/clean-check.ts'
import type { DemoKind } from '../../electron/engine/demo/columns.ts'
import { readManifest, type DemoManifest } from '../../electron/engine/demo/manifest.ts'

/** A minimal RFC 4180 parser for the generator's own output (quoted cells, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch !== '"') cell += ch
      else if (text[i + 1] === '"') {
        cell += '"'
        i++
      } else quoted = false
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else if (ch !== '\r') cell += ch
  }
  return rows
}

export interface DemoData {
  manifest: DemoManifest
  headers: Record<DemoKind, string[]>
  rows: Record<DemoKind, Row[]>
  /** `${kind}|${部门受案号}|${嫌疑人编号}` of every row with an injected error. */
  injected: Set<string>
}

export const rowKey = (kind: DemoKind, row: Row) => `${kind}|${row['部门受案号']}|${row['嫌疑人编号']}`

export function readDemo(dir: string): DemoData {
  const manifest = readManifest(dir)
  const headers = { '010101': [] as string[], '020101': [] as string[] }
  const rows: Record<DemoKind, Row[]> = { '010101': [], '020101': [] }
  for (const file of manifest.files.filter((f) => f.format === 'csv')) {
    const [header, ...body] = parseCsv(iconv.decode(fs.readFileSync(path.join(dir, file.file)), 'gbk'))
    headers[file.kind] = header
    for (const cells of body)
      rows[file.kind].push(Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])))
  }
  const injected = new Set(manifest.errors.map((e) => `${e.kind}|${e.部门受案号}|${e.嫌疑人编号}`))
  return { manifest, headers, rows, injected }
}

/** Rows grouped by 部门受案号. */
export function byCase(rows: readonly Row[]): Map<string, Row[]> {
  const cases = new Map<string, Row[]>()
  for (const row of rows) {
    const list = cases.get(row['部门受案号']) ?? []
    list.push(row)
    cases.set(row['部门受案号'], list)
  }
  return cases
}
