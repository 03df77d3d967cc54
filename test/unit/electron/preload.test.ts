import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { WebUtils } from 'electron'
import { fakeState, resetFakeElectron } from '../../helpers/fake-electron.ts'
import { API_KEYS, createYanpanApi } from '../../../electron/preload/api.ts'
import type { BridgeIpc } from '../../../electron/preload/api.ts'
import { channels } from '../../../shared/ipc/contract.ts'
import type { Channel } from '../../../shared/ipc/contract.ts'
import { EVENT_NAMES } from '../../../shared/ipc/events.ts'

vi.mock('electron', () => import('../../helpers/fake-electron.ts').then((m) => m.electronModule))

function api() {
  return createYanpanApi(
    fakeState.ipcRenderer as unknown as BridgeIpc,
    { getPathForFile: fakeState.getPathForFile } as unknown as WebUtils,
  )
}

const progress = { file: 'a.csv', phase: 'writing' as const, rowsRead: 5, bytesRead: 50, totalBytes: 500 }

describe('preload entry', () => {
  beforeEach(() => resetFakeElectron())

  it('exposes exactly the YanpanApi functions as window.yanpan, and nothing else', async () => {
    await import('../../../electron/preload/preload.ts')
    expect([...fakeState.exposed.keys()]).toEqual(['yanpan'])
    const exposed = fakeState.exposed.get('yanpan') as Record<string, unknown>
    expect(Object.keys(exposed).sort()).toEqual([...API_KEYS].sort())
    expect(API_KEYS).toEqual(['invoke', 'on', 'pathForFile', 'pickFiles', 'saveExport'])
    for (const key of API_KEYS) expect(typeof exposed[key], key).toBe('function')
    expect(Object.values(exposed)).not.toContain(fakeState.ipcRenderer)
  })
})

describe('window.yanpan', () => {
  beforeEach(() => resetFakeElectron())

  it('refuses a channel outside the allow-list locally, without touching ipcRenderer', async () => {
    const result = await api().invoke('shell/openExternal' as Channel, {} as never)
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '未知的请求通道' } })
    await api().invoke('__proto__' as Channel, {} as never)
    await api().invoke(42 as unknown as Channel, {} as never)
    expect(fakeState.ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('forwards every allow-listed channel as yanpan:invoke(channel, args)', async () => {
    fakeState.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: [] })
    const yanpan = api()
    expect(await yanpan.invoke('dataset/list', {})).toEqual({ ok: true, value: [] })
    expect(fakeState.ipcRenderer.invoke).toHaveBeenCalledWith('yanpan:invoke', 'dataset/list', {})
    for (const channel of Object.keys(channels) as Channel[]) {
      await yanpan.invoke(channel, { datasetId: 1 } as never)
      expect(fakeState.ipcRenderer.invoke).toHaveBeenLastCalledWith('yanpan:invoke', channel, {
        datasetId: 1,
      })
    }
  })

  it('turns a failed invoke into an INTERNAL envelope instead of a rejection', async () => {
    fakeState.ipcRenderer.invoke.mockRejectedValueOnce(new Error('Error invoking remote method'))
    const result = await api().invoke('dataset/list', {})
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.code).toBe('INTERNAL')
  })

  it('delivers allow-listed events to the listener with the payload only', () => {
    const yanpan = api()
    const listener = vi.fn()
    yanpan.on('import/progress', listener)
    fakeState.ipcRenderer.emitFromMain('yanpan:event', 'import/progress', progress)
    fakeState.ipcRenderer.emitFromMain('yanpan:event', 'other/event', { x: 1 })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener).toHaveBeenCalledWith(progress)
    expect(EVENT_NAMES).toContain('import/progress')
  })

  it('ignores subscriptions to unknown event names', () => {
    const unsubscribe = api().on('secret/event' as 'import/progress', vi.fn())
    expect(fakeState.ipcRenderer.listenerCount('yanpan:event')).toBe(0)
    expect(() => unsubscribe()).not.toThrow()
  })

  it('returns a working unsubscribe', () => {
    const listener = vi.fn()
    const unsubscribe = api().on('import/progress', listener)
    expect(fakeState.ipcRenderer.listenerCount('yanpan:event')).toBe(1)
    unsubscribe()
    unsubscribe()
    fakeState.ipcRenderer.emitFromMain('yanpan:event', 'import/progress', progress)
    expect(listener).not.toHaveBeenCalled()
    expect(fakeState.ipcRenderer.listenerCount('yanpan:event')).toBe(0)
  })

  it('resolves dropped files to paths through webUtils', () => {
    const file = { name: 'a.xlsx' } as File
    expect(api().pathForFile(file)).toBe('/fake/dropped.xlsx')
    expect(fakeState.getPathForFile).toHaveBeenCalledWith(file)
  })

  it('asks main for the open dialog and keeps only string paths', async () => {
    fakeState.ipcRenderer.invoke.mockResolvedValueOnce(['/data/a.csv', 3, null])
    expect(await api().pickFiles()).toEqual(['/data/a.csv'])
    expect(fakeState.ipcRenderer.invoke).toHaveBeenCalledWith('yanpan:pick-files')
    fakeState.ipcRenderer.invoke.mockRejectedValueOnce(new Error('refused'))
    expect(await api().pickFiles()).toEqual([])
  })

  it('forwards saveExport as yanpan:save-export(file, suggestedName)', async () => {
    fakeState.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { saved: true } })
    expect(await api().saveExport('id.csv', '名单')).toEqual({ ok: true, value: { saved: true } })
    expect(fakeState.ipcRenderer.invoke).toHaveBeenCalledWith('yanpan:save-export', 'id.csv', '名单')
  })
})
