import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../../..')

/** Runs the probe in a fresh Node process with the given TZ (the time zone is fixed at start-up). */
function probe(tz: string): { offsetMinutes: number } & Record<string, unknown> {
  const output = execFileSync(process.execPath, ['--import', 'tsx', path.join(here, 'date-tz.probe.ts')], {
    cwd: root,
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  })
  return JSON.parse(output) as { offsetMinutes: number } & Record<string, unknown>
}

describe('date helpers do not depend on the local time zone', () => {
  it('give identical results under Asia/Shanghai, America/Los_Angeles and UTC', () => {
    const shanghai = probe('Asia/Shanghai')
    const losAngeles = probe('America/Los_Angeles')
    const utc = probe('UTC')
    // The zones really differ, or the comparison would prove nothing.
    expect(shanghai.offsetMinutes).toBe(-480)
    expect(losAngeles.offsetMinutes).toBe(480)
    expect(utc.offsetMinutes).toBe(0)

    const { offsetMinutes: _s, ...a } = shanghai
    const { offsetMinutes: _l, ...b } = losAngeles
    const { offsetMinutes: _u, ...c } = utc
    expect(b).toEqual(a)
    expect(c).toEqual(a)
    expect(a).toEqual({
      parsed: [
        '2024-01-05',
        '2024-01-05',
        '2024-01-05',
        '2024-01-05',
        '2024-01-05',
        '2024-01-05',
        '2024-01-05',
        '2024-03-10',
        '2024-11-03',
        '2024-01-01',
        null,
      ],
      cells: [
        '2024-01-05',
        '2024-01-05',
        '2024-01-05',
        '2024-01-05',
        '2024-01-05',
        '2024-01-05',
        '2024-01-05',
        '2024-03-10',
        '2024-11-03',
        '2024-01-01',
        null,
      ],
      serials: ['1900-01-01', '1900-02-28', null, '1900-03-01', '2024-01-01'],
      days: [0, 19723, 19792, 20030],
      back: ['1970-01-01', '2024-01-01', '2024-03-10', '2024-11-03'],
    })
  })
})
