/**
 * Every library rule against records that must and must not be flagged (rule-examples.ts), through
 * the real path: the scenarios are written as 010101 / 020101 CSV exports, imported into a workspace,
 * and checked by one `flags/run` of all library rules (the disabled ones included).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setClock } from '../../../electron/engine/clock.ts'
import { createLocalHost } from '../../../electron/engine/host/local-host.ts'
import { loadLibrary } from '../../../electron/engine/quality/library.ts'
import {
  ARREST_BASE,
  caseNumber,
  dictionaryHeaders,
  PROSECUTION_BASE,
  type Row,
} from '../../helpers/quality-rows.ts'
import { writeCsv } from '../../helpers/workspace.ts'
import { RULE_EXAMPLES, type Scenario } from '../../unit/quality/rule-examples.ts'

type Kind = '010101' | '020101'
interface Expectation {
  rule: string
  outcome: 'flag' | 'pass'
  /** Record keys (部门受案号 / 嫌疑人编号) of the scenario; the first of the flagged stage is the one expected. */
  keys: Record<Kind, string[]>
}

const rows: Record<Kind, Row[]> = { '010101': [], '020101': [] }
const expectations: Expectation[] = []
let serial = 0

function addScenario(rule: string, outcome: 'flag' | 'pass', scenario: Scenario): void {
  const n = ++serial
  const keys: Record<Kind, string[]> = { '010101': [], '020101': [] }
  const stages: [Kind, Partial<Row>[] | undefined, Row][] = [
    ['010101', scenario.arrest, ARREST_BASE],
    ['020101', scenario.prosecution, PROSECUTION_BASE],
  ]
  for (const [kind, variations, base] of stages) {
    ;(variations ?? []).forEach((variation, i) => {
      const row: Row = { ...base, 部门受案号: caseNumber(kind, 2 * n), 嫌疑人编号: `T${n}-${i}` }
      for (const [name, value] of Object.entries(variation)) row[name] = value ?? ''
      if (row.部门受案号 === '$case2') row.部门受案号 = caseNumber(kind, 2 * n + 1)
      if (row.嫌疑人编号 === '$0') row.嫌疑人编号 = `T${n}-0`
      rows[kind].push(row)
      keys[kind].push(`${row.部门受案号}/${row.嫌疑人编号}`)
    })
  }
  expectations.push({ rule, outcome, keys })
}

const library = loadLibrary()
for (const rule of library) {
  const example = RULE_EXAMPLES[rule.id]
  if (!example) continue
  addScenario(rule.id, 'flag', example.flag)
  addScenario(rule.id, 'pass', example.pass)
}

let flagged: Set<string>
let dir: string

beforeAll(async () => {
  setClock(() => new Date('2026-01-15T04:00:00Z'))
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-rules-'))
  const host = createLocalHost(path.join(dir, 'workspace.db'))
  try {
    for (const kind of ['010101', '020101'] as const) {
      const headers = dictionaryHeaders(kind)
      const file = await writeCsv(path.join(dir, `${kind}.csv`), [
        headers,
        ...rows[kind].map((r) => headers.map((h) => r[h] ?? '')),
      ])
      const imported = await host.call('dataset/import', { files: [{ path: file }] })
      if (!imported.ok) throw new Error(imported.error.message)
    }
    const run = await host.call('flags/run', { rules: library.map((r) => r.id) })
    if (!run.ok) throw new Error(run.error.message)
    const list = host.ctx.db.prepare('SELECT rule_id, case_number, suspect_id FROM quality_flags').all() as {
      rule_id: string
      case_number: string
      suspect_id: string
    }[]
    flagged = new Set(list.map((f) => `${f.rule_id}|${f.case_number}/${f.suspect_id}`))
  } finally {
    await host.close()
  }
})

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('the rule library', () => {
  it('has a must-flag and a must-not-flag example for every rule', () => {
    expect(library.map((r) => r.id).filter((id) => !RULE_EXAMPLES[id])).toEqual([])
    expect(Object.keys(RULE_EXAMPLES).filter((id) => !library.some((r) => r.id === id))).toEqual([])
  })

  it('flags nothing on the clean base records', () => {
    const base = expectations.find((e) => e.rule === 'R007' && e.outcome === 'pass')!
    const hits = [...flagged].filter((f) => base.keys['010101'].some((key) => f.endsWith(`|${key}`)))
    expect(hits).toEqual([])
    const prosecution = expectations.find((e) => e.rule === 'R030' && e.outcome === 'pass')!
    expect(
      [...flagged].filter((f) => prosecution.keys['020101'].some((key) => f.endsWith(`|${key}`))),
    ).toEqual([])
  })

  for (const rule of library) {
    it(`${rule.id} ${rule.name}: flags the must-flag record, not the must-not-flag ones`, () => {
      const flagStage: Kind =
        rule.form.type === 'crossStage'
          ? (rule.form.flag ?? '020101')
          : rule.kinds[0] === '020101' && rule.kinds.length === 1
            ? '020101'
            : '010101'
      const flag = expectations.find((e) => e.rule === rule.id && e.outcome === 'flag')!
      const pass = expectations.find((e) => e.rule === rule.id && e.outcome === 'pass')!
      const stage = flag.keys[flagStage].length > 0 ? flagStage : flagStage === '010101' ? '020101' : '010101'
      expect(
        flagged.has(`${rule.id}|${flag.keys[stage][0]}`),
        `${rule.id} should flag ${flag.keys[stage][0]}`,
      ).toBe(true)
      const wrongly = [...pass.keys['010101'], ...pass.keys['020101']].filter((key) =>
        flagged.has(`${rule.id}|${key}`),
      )
      expect(wrongly, `${rule.id} should not flag these`).toEqual([])
    })
  }
})
