import { describe, expect, it } from 'vitest'
import type { WebContents } from 'electron'
import { FakeSession, FakeWebContents } from '../../helpers/fake-electron.ts'
import { forwardEvents } from '../../../electron/main/forward-events.ts'
import type { EngineHost } from '../../../electron/engine/host/types.ts'

type Listener = Parameters<EngineHost['onEvent']>[0]

function fakeHost() {
  const listeners = new Set<Listener>()
  const host: Pick<EngineHost, 'onEvent'> = {
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  const emit = (name: string, payload: unknown) =>
    listeners.forEach((l) => (l as (n: string, p: unknown) => void)(name, payload))
  return { host, emit, listeners }
}

const progress = { file: 'a.csv', phase: 'reading', rowsRead: 10, bytesRead: 100, totalBytes: 1000 }

describe('engine event forwarding', () => {
  it('sends allow-listed events to the window as yanpan:event', () => {
    const { host, emit } = fakeHost()
    const contents = new FakeWebContents(new FakeSession())
    forwardEvents(host, () => contents as unknown as WebContents)
    emit('import/progress', progress)
    expect(contents.sent).toEqual([{ channel: 'yanpan:event', args: ['import/progress', progress] }])
  })

  it('drops unknown event names and events for a closed window', () => {
    const { host, emit } = fakeHost()
    const contents = new FakeWebContents(new FakeSession())
    let target: FakeWebContents | null = contents
    forwardEvents(host, () => target as unknown as WebContents | null)
    emit('internal/debug', { secret: true })
    contents.destroyed = true
    emit('import/progress', progress)
    target = null
    emit('import/progress', progress)
    expect(contents.sent).toEqual([])
  })

  it('returns an unsubscribe', () => {
    const { host, listeners } = fakeHost()
    const stop = forwardEvents(host, () => null)
    expect(listeners.size).toBe(1)
    stop()
    expect(listeners.size).toBe(0)
  })
})
