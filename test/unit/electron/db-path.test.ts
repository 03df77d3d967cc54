import { describe, expect, it } from 'vitest'
import path from 'node:path'
import { resolveDbPath } from '../../../electron/main/db-path.ts'

describe('workspace database path', () => {
  const userData = '/home/analyst/.config/yanpan'

  it('defaults to workspace.db in the user data directory', () => {
    expect(resolveDbPath(['electron', '.'], {}, userData)).toBe('/home/analyst/.config/yanpan/workspace.db')
  })

  it('takes YANPAN_DB over the default and --db over both', () => {
    expect(resolveDbPath(['electron', '.'], { YANPAN_DB: '/data/env.db' }, userData)).toBe('/data/env.db')
    expect(
      resolveDbPath(['electron', '.', '--db', '/data/arg.db'], { YANPAN_DB: '/data/env.db' }, userData),
    ).toBe('/data/arg.db')
    expect(resolveDbPath(['electron', '.', '--db=/data/eq.db'], {}, userData)).toBe('/data/eq.db')
  })

  it('makes a relative path absolute and ignores a --db without a value', () => {
    expect(resolveDbPath(['x', '--db', 'rel.db'], {}, userData)).toBe(path.resolve('rel.db'))
    expect(resolveDbPath(['x', '--db', '--inspect'], {}, userData)).toBe(
      '/home/analyst/.config/yanpan/workspace.db',
    )
    expect(resolveDbPath(['x', '--db'], { YANPAN_DB: '  ' }, userData)).toBe(
      '/home/analyst/.config/yanpan/workspace.db',
    )
  })
})
