import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../../helpers/cli.ts'
import { testWorkspace } from '../../helpers/workspace.ts'
import { workspaceSnapshot } from '../../helpers/snapshot.ts'

const fixture = (name: string) => path.join(ROOT, 'test', 'fixtures', 'files', name)

/** The real fixture files through the whole import path (readers → header → kinds → store). */
describe('importing the fixture files', () => {
  it('a messy GBK export: title rows, two-row header, 合计 and blank rows, duplicate names', async () => {
    const ws = testWorkspace()
    const { imports } = await ws.call('dataset/import', { files: [{ path: fixture('messy-header.csv') }] })
    const result = imports[0]
    expect(result.rows).toBe(4)
    const notes = result.notes.join('\n')
    expect(notes).toMatch(/标题/)
    expect(notes).toMatch(/两行/)
    expect(notes).toContain('跳过合计/小计行 1 行（第 12 行）')
    expect(notes).toContain('跳过空行 2 行（第 8、11 行）')
    expect(notes).toMatch(/前科_2/)
    const page = await ws.call('records/page', { datasetId: result.datasetId, startRow: 0, endRow: 10 })
    expect(page.rows.map((r) => r._id)).toHaveLength(4)
  })

  it('an xlsx with merged title rows, a two-row header, real date cells and a 合计 row', async () => {
    const ws = testWorkspace()
    const { imports } = await ws.call('dataset/import', { files: [{ path: fixture('cases.xlsx') }] })
    expect(imports[0]).toMatchObject({ kind: '020101', rows: 4 })
    const batches = await ws.call('import/batches', {})
    expect(batches[0]).toMatchObject({ format: 'xlsx', encoding: null })
  })

  it.each([
    ['utf8.csv', 'utf-8'],
    ['utf8-bom.csv', 'utf-8'],
    ['gbk.csv', 'gb18030'],
    ['gb18030.txt', 'gb18030'],
    ['utf16le.txt', 'utf-16le'],
    ['semicolon.csv', 'utf-8'],
  ])('%s imports as 010101 with the same five records', async (name, encoding) => {
    const ws = testWorkspace()
    const { imports } = await ws.call('dataset/import', { files: [{ path: fixture(name) }] })
    expect(imports[0]).toMatchObject({ kind: '010101', rows: 5, inserted: 5 })
    expect((await ws.call('import/batches', {}))[0].encoding).toBe(encoding)
  })

  it.each([
    ['truncated.csv', 'CORRUPT_FILE'],
    ['binary-garbage.csv', 'CORRUPT_FILE'],
    ['empty.csv', 'NO_HEADER'],
    ['legacy.xls', 'UNSUPPORTED_FORMAT'],
    ['html-as.xls', 'UNSUPPORTED_FORMAT'],
    ['not-zip.xlsx', 'CORRUPT_FILE'],
    ['not-workbook.xlsx', 'UNSUPPORTED_FORMAT'],
    ['truncated.xlsx', 'CORRUPT_FILE'],
    ['zip-bomb.xlsx', 'TOO_LARGE'],
  ])('%s is refused (%s) with the file named, leaving the workspace untouched', async (name, code) => {
    const ws = testWorkspace()
    await ws.call('dataset/import', { files: [{ path: fixture('utf8.csv') }] })
    const before = workspaceSnapshot(ws.db)
    const error = await ws.failure('dataset/import', { files: [{ path: fixture(name) }] })
    expect(error.code).toBe(code)
    expect(error.message).toContain(name)
    expect(error.message).toMatch(/[\u4e00-\u9fff]/)
    expect(workspaceSnapshot(ws.db)).toEqual(before)
    expect(fs.existsSync(fixture(name))).toBe(true)
  })
})
