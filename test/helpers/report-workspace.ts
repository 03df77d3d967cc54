/**
 * A demo-province workspace for report tests, made once per test file (in beforeAll) with a frozen
 * clock: the demo's exports imported through the normal import path and the rule library run once,
 * so reports have figures, flags and provenance. Removed in afterAll.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { setClock } from '../../electron/engine/clock.ts'
import { createDemo } from '../../electron/engine/demo/create-demo.ts'
import { createLocalHost } from '../../electron/engine/host/local-host.ts'
import type {
  Channel,
  ChannelArgs,
  ChannelResults,
  EngineEvents,
  EventName,
} from '../../shared/ipc/contract.ts'

export interface ReportWorkspace {
  dir: string
  dbPath: string
  host: ReturnType<typeof createLocalHost>
  call<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<ChannelResults[C]>
  failure<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<{ code: string; message: string }>
  /** Events pushed since the last call of `events`. */
  events<E extends EventName>(name: E): EngineEvents[E][]
}

export function useReportWorkspace(persons = 3000): () => ReportWorkspace {
  let workspace: ReportWorkspace | undefined
  let dir = ''
  beforeAll(async () => {
    setClock(() => new Date('2026-01-15T01:30:00Z'))
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-report-'))
    const dbPath = path.join(dir, 'workspace.db')
    const host = createLocalHost(dbPath)
    await createDemo(host.ctx, { out: path.join(dir, 'demo'), persons, formats: ['csv'], seed: 11 })
    const seen: { name: string; payload: unknown }[] = []
    host.onEvent((name, payload) => seen.push({ name, payload }))
    const call = async <C extends Channel>(channel: C, args: ChannelArgs<C>) => {
      const envelope = await host.call(channel, args)
      if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { data: envelope.error })
      return envelope.value as ChannelResults[C]
    }
    await call('flags/run', {})
    workspace = {
      dir,
      dbPath,
      host,
      call,
      async failure(channel, args) {
        const envelope = await host.call(channel, args)
        if (envelope.ok) throw new Error(`expected ${channel} to fail`)
        return envelope.error
      },
      events(name) {
        const picked = seen.filter((e) => e.name === name).map((e) => e.payload)
        seen.length = 0
        return picked as never
      },
    }
  }, 180_000)
  afterAll(async () => {
    await workspace?.host.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  return () => workspace!
}
