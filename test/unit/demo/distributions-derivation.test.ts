import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../../helpers/cli.ts'
import { tempDir } from '../../helpers/workspace.ts'

/**
 * resources/demo/distributions.json holds only counts derived from the CAIL2018 sample (research use
 * only, never shipped) and the official charge list in ../shared/data. When that folder is beside the
 * project, re-derive and compare; without it the test is skipped, and says so.
 */
const DATA = path.resolve(ROOT, '../shared/data')
const present = fs.existsSync(path.join(DATA, 'cail2018-sample.jsonl'))
if (!present)
  console.warn(
    `[distributions] ${DATA} is absent: the derivation of resources/demo/distributions.json is not re-checked`,
  )

describe('demo distributions', () => {
  it.skipIf(!present)(
    'are exactly what the derivation makes of ../shared/data (CAIL2018 sample, charges.csv)',
    () => {
      const out = path.join(tempDir(), 'distributions.json')
      const run = spawnSync(
        process.execPath,
        ['bin/run-ts.mjs', 'scripts/demo-distributions.ts', DATA, out],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      )
      expect(run.status, run.stderr).toBe(0)
      expect(fs.readFileSync(out, 'utf8')).toBe(
        fs.readFileSync(path.join(ROOT, 'resources/demo/distributions.json'), 'utf8'),
      )
    },
  )

  it('contain counts only, no judgment text', () => {
    const text = fs.readFileSync(path.join(ROOT, 'resources/demo/distributions.json'), 'utf8')
    expect(text).not.toMatch(/公诉机关指控|经审理查明/)
  })
})
