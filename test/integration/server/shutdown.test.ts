/**
 * Ctrl-C on `yanpan serve` closes the HTTP bridge, then the engine host. Neither may wait forever:
 * not on a browser's open event stream or a request still waiting for the engine, and not on an
 * engine worker whose background work keeps it alive.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWorkerHost } from '../../../electron/engine/host/worker-host.ts'
import type { EngineHost } from '../../../electron/engine/host/types.ts'
import { startBridge } from '../../../electron/engine/server/http-bridge.ts'
import { TOKEN_HEADER } from '../../../shared/ipc/api.ts'
import { tempDir } from '../../helpers/workspace.ts'

function request(url: string, options: http.RequestOptions, body?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, options, (res) => {
      let text = ''
      res.on('data', (chunk) => (text += chunk))
      res.on('end', () => resolve(text))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('shutting browser mode down', () => {
  it('closes the bridge with an event stream open and a request still waiting for the engine', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'index.html'), '<html><head></head></html>')
    let called = 0
    const host: EngineHost = {
      dbPath: path.join(dir, 'w.db'),
      exportDir: dir,
      call: () => {
        called += 1
        return new Promise(() => {}) // an engine busy for good
      },
      onEvent: () => () => {},
      close: async () => {},
    }
    const bridge = await startBridge({ host, rendererDir: dir, port: 0 })
    const headers = { [TOKEN_HEADER]: bridge.token, 'content-type': 'application/json' }
    const events = new Promise<void>((resolve, reject) => {
      http
        .get(`${bridge.url}api/events`, { headers }, (res) => {
          res.once('data', () => resolve())
          res.resume()
        })
        .on('error', reject)
    })
    await events
    const waiting = request(`${bridge.url}api/units/list`, { method: 'POST', headers }, '{}').catch(
      (error: Error) => error,
    )
    await expect.poll(() => called).toBe(1)
    await bridge.close()
    // The waiting request was cut off rather than answered.
    expect(await waiting).toBeInstanceOf(Error)
  })

  it(
    'terminates an engine worker that does not exit by itself after close',
    { timeout: 30_000 },
    async () => {
      const dir = tempDir()
      const script = path.join(dir, 'stubborn-worker.cjs')
      fs.writeFileSync(
        script,
        `const { parentPort } = require('node:worker_threads')
       setInterval(() => {}, 1000) // background work that never ends
       parentPort.on('message', () => {})
       parentPort.postMessage({ type: 'ready' })`,
      )
      const host = await createWorkerHost({ dbPath: path.join(dir, 'w.db'), workerFile: script })
      await host.close()
      const envelope = await host.call('units/list', {})
      expect(envelope).toEqual({ ok: false, error: { code: 'INTERNAL', message: '数据引擎已关闭。' } })
    },
  )
})
