import { describe, expect, it, vi } from 'vitest'
import { EventEmitter } from 'node:events'
import type { App } from 'electron'
import { fakeEvent } from '../../helpers/fake-electron.ts'
import { closeHostOnQuit } from '../../../electron/main/lifecycle.ts'

describe('quitting', () => {
  it('holds the quit until the engine has closed the workspace, then quits for real', async () => {
    const app = Object.assign(new EventEmitter(), { quit: vi.fn() })
    let finishClose: () => void = () => undefined
    const close = vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve)))
    closeHostOnQuit(app as unknown as App, { close })

    const first = fakeEvent()
    app.emit('will-quit', first)
    expect(first.defaultPrevented).toBe(true)
    const again = fakeEvent()
    app.emit('will-quit', again)
    expect(again.defaultPrevented).toBe(true)
    expect(close).toHaveBeenCalledOnce()
    expect(app.quit).not.toHaveBeenCalled()

    finishClose()
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce())
    const final = fakeEvent()
    app.emit('will-quit', final)
    expect(final.defaultPrevented).toBe(false)
  })

  it('still quits when closing fails', async () => {
    const app = Object.assign(new EventEmitter(), { quit: vi.fn() })
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    closeHostOnQuit(app as unknown as App, { close: () => Promise.reject(new Error('worker gone')) })
    app.emit('will-quit', fakeEvent())
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce())
    error.mockRestore()
  })
})
