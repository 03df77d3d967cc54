/**
 * A demo province generated once per test file (in beforeAll) into its own temp folder, removed in
 * afterAll: the shared temp helpers clean up after each test, too early for a fixture this size.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { generateDemo, type DemoOptions, type DemoResult } from '../../electron/engine/demo/generate.ts'
import { readDemo, type DemoData } from './demo-rows.ts'

export interface Province {
  dir: string
  result: DemoResult
  data: DemoData
}

/** Registers the fixture; read `province()` inside tests. */
export function useProvince(options: Omit<DemoOptions, 'out'> = {}): () => Province {
  let province: Province | undefined
  let dir = ''
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-demo-'))
    const result = await generateDemo({ formats: ['csv'], ...options, out: dir })
    province = { dir, result, data: readDemo(dir) }
  }, 120_000)
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  return () => province!
}
