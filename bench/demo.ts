/**
 * Demo province benchmark (issue 3): generate N suspects as GBK CSV and import them into a fresh
 * workspace through the normal import path, in a child process per size (a fresh heap, like the CLI).
 * Prints suspects/s of generation, rows/s of import and the total. Never fails on time.
 * BENCH_DEMO_PERSONS=100000,1000000 (default) picks the sizes.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createDemo } from '../electron/engine/demo/create-demo.ts'
import { createLocalHost } from '../electron/engine/host/local-host.ts'

const fmt = (n: number) => Math.round(n).toLocaleString('en-US')

if (process.argv[2] === '--child') {
  const persons = Number(process.argv[3])
  const dir = process.argv[4]
  const host = createLocalHost(path.join(dir, 'workspace.db'))
  const started = performance.now()
  let generated = 0
  const { imports, result } = await createDemo(
    host.ctx,
    { out: path.join(dir, 'demo'), persons, formats: ['csv'] },
    (p) => {
      if (p.phase === 'importing' && generated === 0) generated = performance.now()
    },
  )
  const done = performance.now()
  await host.close()
  const rows = imports.reduce((sum, i) => sum + i.rows, 0)
  const figures = {
    generateMs: generated - started,
    importMs: done - generated,
    rows,
    suspects: result.manifest.counts.suspects,
    rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }
  console.log(JSON.stringify(figures))
} else {
  const sizes = (process.env.BENCH_DEMO_PERSONS ?? '100000,1000000').split(',').map(Number)
  for (const persons of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-demo-bench-'))
    try {
      const out = execFileSync(
        process.execPath,
        ['bin/run-ts.mjs', 'bench/demo.ts', '--child', String(persons), dir],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      )
      const f = JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>
      const total = (f.generateMs + f.importMs) / 1000
      console.log(
        `demo ${fmt(persons)} persons → ${fmt(f.rows)} rows (${fmt(f.suspects)} suspects in the exports): ` +
          `generate ${(f.generateMs / 1000).toFixed(1)} s (${fmt((persons / f.generateMs) * 1000)} persons/s), ` +
          `import ${(f.importMs / 1000).toFixed(1)} s (${fmt((f.rows / f.importMs) * 1000)} rows/s), ` +
          `total ${total.toFixed(1)} s, peak RSS ${f.rssMb} MB`,
      )
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}
