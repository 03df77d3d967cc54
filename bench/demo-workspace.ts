/**
 * The demo province for a benchmark: generated and imported into a fresh workspace in a child process
 * (the generator's heap is not the engine's, as in the app and the CLI), optionally with a full rule
 * run. Run directly, this file is that child: `bench/demo-workspace.ts PERSONS SEED DB OUT [--check]`.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createDemo } from '../electron/engine/demo/create-demo.ts'
import { createLocalHost } from '../electron/engine/host/local-host.ts'

export interface DemoWorkspace {
  db: string
  /** Where the demo's exports and manifest.json are. */
  exports: string
  records: number
  flags: number
  ms: number
}

/** Generates `persons` suspects (seed `seed`) into `dir`/workspace.db; `check` also runs the rules. */
export function demoWorkspace(
  dir: string,
  persons: number,
  options: { seed?: number; check?: boolean } = {},
): DemoWorkspace {
  const db = path.join(dir, 'workspace.db')
  const exports = path.join(dir, 'demo')
  const args = [
    'bin/run-ts.mjs',
    'bench/demo-workspace.ts',
    String(persons),
    String(options.seed ?? 1),
    db,
    exports,
  ]
  const out = execFileSync(process.execPath, options.check ? [...args, '--check'] : args, {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  })
  const result = JSON.parse(out.trim().split('\n').pop()!) as Omit<DemoWorkspace, 'db' | 'exports'>
  // The import just wrote gigabytes: let them reach the disk before anything is timed.
  for (const file of [db, `${db}-wal`].filter((f) => fs.existsSync(f))) {
    const fd = fs.openSync(file, 'r+')
    fs.fsyncSync(fd)
    fs.closeSync(fd)
  }
  return { db, exports, ...result }
}

if (process.argv[1]?.endsWith('demo-workspace.ts') && process.argv.length >= 6) {
  const [persons, seed, db, out] = process.argv.slice(2)
  const host = createLocalHost(db)
  const started = performance.now()
  const { imports } = await createDemo(host.ctx, {
    out,
    persons: Number(persons),
    seed: Number(seed),
    formats: ['csv'],
  })
  let flags = 0
  if (process.argv.includes('--check')) {
    const checked = await host.call('flags/run', {})
    flags = checked.ok ? (checked.value as { flags: number }).flags : 0
  }
  await host.close()
  const records = imports.reduce((sum, i) => sum + i.inserted, 0)
  console.log(JSON.stringify({ records, flags, ms: performance.now() - started }))
  process.exit(0)
}
