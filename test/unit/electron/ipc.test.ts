import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Mock } from 'vitest'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { IpcMain, WebContents } from 'electron'
import { FakeIpcMain, FakeSession, FakeWebContents } from '../../helpers/fake-electron.ts'
import { createAppUrlCheck } from '../../../electron/main/app-url.ts'
import type { Dialogs } from '../../../electron/main/dialogs.ts'
import { registerIpc } from '../../../electron/main/ipc.ts'
import { PICK_FILES_OPTIONS } from '../../../electron/main/pick-files.ts'
import { createSenderCheck } from '../../../electron/main/trusted-sender.ts'
import type { EngineHost } from '../../../electron/engine/host/types.ts'
import type { Envelope } from '../../../shared/ipc/envelope.ts'

const INDEX = '/opt/yanpan/build/renderer/index.html'
const INDEX_URL = pathToFileURL(INDEX).href
const EXPORT_ID = '0f8e2c1a-4b5d-4e6f-8a9b-0c1d2e3f4a5b.csv'

let exportDir: string
let targetDir: string
let ipcMain: FakeIpcMain
let ours: FakeWebContents
let call: Mock<EngineHost['call']>
let dialogs: {
  showOpenDialog: Mock<Dialogs['showOpenDialog']>
  showSaveDialog: Mock<Dialogs['showSaveDialog']>
}
let dispose: () => void

/** An invoke event as Electron builds it: the sending contents and its frame. */
const fromOurPage = (url = `${INDEX_URL}#/import`) => ({ sender: ours, senderFrame: { url, parent: null } })

beforeEach(async () => {
  exportDir = await mkdtemp(path.join(os.tmpdir(), 'yanpan-exports-'))
  targetDir = await mkdtemp(path.join(os.tmpdir(), 'yanpan-target-'))
  ipcMain = new FakeIpcMain()
  ours = new FakeWebContents(new FakeSession())
  call = vi.fn(async (channel: string, args: unknown) => ({ ok: true as const, value: { channel, args } }))
  const host = { exportDir, call } satisfies Pick<EngineHost, 'call' | 'exportDir'>
  dialogs = {
    showOpenDialog: vi.fn(async () => ({
      canceled: false,
      filePaths: ['/data/010101.xlsx', '/data/020101.csv'],
    })),
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: path.join(targetDir, 'saved.csv') })),
  }
  const isTrusted = createSenderCheck(() => ours as unknown as WebContents, createAppUrlCheck(INDEX))
  dispose = registerIpc(ipcMain as unknown as IpcMain, host, isTrusted, {
    dialogs,
    documentsDir: '/home/analyst/文档',
  })
})

afterEach(async () => {
  await rm(exportDir, { recursive: true, force: true })
  await rm(targetDir, { recursive: true, force: true })
})

const invoke = (channel: unknown, args: unknown, event: object = fromOurPage()) =>
  ipcMain.invoke('yanpan:invoke', event, channel, args) as Promise<Envelope<unknown>>
const saveExport = (file: unknown, name: unknown, event: object = fromOurPage()) =>
  ipcMain.invoke('yanpan:save-export', event, file, name) as Promise<Envelope<{ saved: boolean }>>

describe('yanpan:invoke', () => {
  it('forwards a valid call to the engine host and returns its envelope', async () => {
    const result = await invoke('dataset/get', { datasetId: 3 })
    expect(call).toHaveBeenCalledWith('dataset/get', { datasetId: 3 })
    expect(result).toEqual({ ok: true, value: { channel: 'dataset/get', args: { datasetId: 3 } } })
  })

  it('answers UNKNOWN_CHANNEL for a channel outside the contract without calling the host', async () => {
    for (const channel of ['shell/openExternal', '__proto__', 'hasOwnProperty', 42, null]) {
      expect(await invoke(channel, {})).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: '未知的请求通道' },
      })
    }
    expect(call).not.toHaveBeenCalled()
  })

  it('rejects calls from another web contents', async () => {
    const stranger = new FakeWebContents(new FakeSession())
    await expect(
      invoke('dataset/list', {}, { sender: stranger, senderFrame: { url: INDEX_URL, parent: null } }),
    ).rejects.toThrow()
    expect(call).not.toHaveBeenCalled()
  })

  it('rejects calls from a frame showing another page, from a sub-frame, or from a dead frame', async () => {
    await expect(invoke('dataset/list', {}, fromOurPage('https://example.com/'))).rejects.toThrow()
    await expect(invoke('dataset/list', {}, fromOurPage('file:///tmp/evil.html'))).rejects.toThrow()
    await expect(
      invoke('dataset/list', {}, { sender: ours, senderFrame: { url: INDEX_URL, parent: {} } }),
    ).rejects.toThrow()
    await expect(invoke('dataset/list', {}, { sender: ours, senderFrame: null })).rejects.toThrow()
    expect(call).not.toHaveBeenCalled()
  })

  it('accepts only local absolute paths for dataset/import, never upload refs', async () => {
    const bad = [
      { files: [{ upload: 'a'.repeat(32), name: 'x.csv' }] },
      { files: [{ path: '/data/a.csv', upload: 'a'.repeat(32), name: 'x.csv' }] },
      { files: [{ path: 'relative/a.csv' }] },
      { files: [] },
      undefined,
    ]
    for (const args of bad) {
      const result = await invoke('dataset/import', args)
      expect(result.ok).toBe(false)
      expect(!result.ok && result.error.code).toBe('BAD_ARGUMENT')
    }
    expect(call).not.toHaveBeenCalled()

    await invoke('dataset/import', { files: [{ path: '/data/010101.xlsx' }] })
    expect(call).toHaveBeenCalledWith('dataset/import', { files: [{ path: '/data/010101.xlsx' }] })
  })

  it('turns a failing engine into an INTERNAL envelope', async () => {
    call.mockRejectedValueOnce(new Error('worker exited'))
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const result = await invoke('dataset/list', {})
    logged.mockRestore()
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.code).toBe('INTERNAL')
  })
})

describe('yanpan:pick-files', () => {
  it('opens a multi-select dialog filtered to Excel/CSV and returns the paths', async () => {
    expect(await ipcMain.invoke('yanpan:pick-files', fromOurPage())).toEqual([
      '/data/010101.xlsx',
      '/data/020101.csv',
    ])
    expect(dialogs.showOpenDialog).toHaveBeenCalledWith(PICK_FILES_OPTIONS)
    expect(PICK_FILES_OPTIONS.properties).toEqual(['openFile', 'multiSelections'])
    expect(PICK_FILES_OPTIONS.filters).toEqual([
      { name: 'Excel/CSV 文件', extensions: ['xlsx', 'xls', 'csv', 'txt'] },
    ])
  })

  it('returns no paths when cancelled and refuses strangers', async () => {
    dialogs.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    expect(await ipcMain.invoke('yanpan:pick-files', fromOurPage())).toEqual([])
    await expect(ipcMain.invoke('yanpan:pick-files', fromOurPage('https://example.com/'))).rejects.toThrow()
  })
})

describe('yanpan:save-export', () => {
  it('copies the export to the chosen place under a sanitised suggested name', async () => {
    await writeFile(path.join(exportDir, EXPORT_ID), '部门受案号,嫌疑人编号\n')
    expect(await saveExport(EXPORT_ID, '../审查逮捕/名单')).toEqual({ ok: true, value: { saved: true } })
    const options = dialogs.showSaveDialog.mock.calls[0][0] as { defaultPath: string; filters: unknown }
    expect(options.defaultPath).toBe(path.join('/home/analyst/文档', '_审查逮捕_名单.csv'))
    expect(options.filters).toEqual([{ name: 'CSV 文件', extensions: ['csv'] }])
    expect(await readFile(path.join(targetDir, 'saved.csv'), 'utf8')).toBe('部门受案号,嫌疑人编号\n')
  })

  it('reports saved: false when the analyst cancels', async () => {
    await writeFile(path.join(exportDir, EXPORT_ID), 'x')
    dialogs.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' })
    expect(await saveExport(EXPORT_ID, '名单')).toEqual({ ok: true, value: { saved: false } })
  })

  it('rejects path traversal, absolute paths and anything but an export id, before any dialog', async () => {
    const names = [
      '../x.csv',
      '..\\x.csv',
      '/etc/passwd',
      path.join(exportDir, EXPORT_ID),
      `../${EXPORT_ID}`,
      `${EXPORT_ID}/../../x.csv`,
      EXPORT_ID.replace('.csv', '.exe'),
      EXPORT_ID.toUpperCase(),
      '',
      42,
      null,
    ]
    for (const file of names) {
      const result = await saveExport(file, 'x')
      expect(result, String(file)).toEqual({
        ok: false,
        error: { code: 'BAD_ARGUMENT', message: '导出文件标识无效' },
      })
    }
    expect(dialogs.showSaveDialog).not.toHaveBeenCalled()
  })

  it('answers NOT_FOUND for an export id with no file', async () => {
    const result = await saveExport(EXPORT_ID, 'x')
    expect(!result.ok && result.error.code).toBe('NOT_FOUND')
    expect(dialogs.showSaveDialog).not.toHaveBeenCalled()
  })

  it('refuses strangers', async () => {
    await writeFile(path.join(exportDir, EXPORT_ID), 'x')
    await expect(saveExport(EXPORT_ID, 'x', fromOurPage('https://example.com/'))).rejects.toThrow()
  })
})

describe('registration', () => {
  it('registers the three handlers and removes them again', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([
      'yanpan:invoke',
      'yanpan:pick-files',
      'yanpan:save-export',
    ])
    dispose()
    expect(ipcMain.handlers.size).toBe(0)
  })
})
