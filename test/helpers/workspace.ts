import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import { setClock } from '../../electron/engine/clock.ts'
import { createLocalHost } from '../../electron/engine/host/local-host.ts'
import type { Channel, ChannelArgs, ChannelResults } from '../../shared/ipc/contract.ts'

const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

/** A fresh temporary directory, removed after the test. */
export function tempDir(prefix = 'yanpan-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A real workspace file in a temp dir with an in-process engine; `call` unwraps envelopes. */
export function testWorkspace() {
  setClock(() => new Date('2026-01-15T01:30:00Z')) // a frozen clock keeps stored timestamps comparable
  const dir = tempDir()
  const dbPath = path.join(dir, 'workspace.db')
  const host = createLocalHost(dbPath)
  cleanups.push(() => host.close())
  return {
    dir,
    dbPath,
    host,
    db: host.ctx.db,
    async call<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<ChannelResults[C]> {
      const envelope = await host.call(channel, args)
      if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { data: envelope.error })
      return envelope.value as ChannelResults[C]
    },
    /** The error envelope of a call that must fail. */
    async failure<C extends Channel>(channel: C, args: ChannelArgs<C>) {
      const envelope = await host.call(channel, args)
      if (envelope.ok) throw new Error(`expected ${channel} to fail`)
      return envelope.error
    },
  }
}

/** Writes a CSV (UTF-8, or another encoding via iconv-lite) from rows of cells. */
export async function writeCsv(
  file: string,
  rows: string[][],
  encoding = 'utf-8',
  bom = false,
): Promise<string> {
  const text =
    rows
      .map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
      .join('\r\n') + '\r\n'
  const iconv = (await import('iconv-lite')).default
  const body = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding)
  fs.writeFileSync(file, bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body)
  return file
}
