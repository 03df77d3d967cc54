/**
 * The anomaly warnings on the demo province (250,000 suspects over 2023–2025, created once for the
 * file through the real demo/create path): the anomalies its manifest says were injected are found,
 * and `yanpan anomalies` prints them (`--json`: indicator, unit, period, kind, severity, message) or
 * says in Chinese what is wrong. Recall and precision at scale are bench/anomalies.ts's.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../electron/engine/cli/main.ts'
import type { Anomaly } from '../../../electron/engine/demo/anomalies.ts'
import { createDemo } from '../../../electron/engine/demo/create-demo.ts'
import { createLocalHost } from '../../../electron/engine/host/local-host.ts'
import { shortUnitName } from '../../../shared/anomalies/message.ts'
import type { AnomalyKind } from '../../../shared/anomalies/model.ts'
import type { AnomalyListResult, AnomalyWarning } from '../../../shared/ipc/anomaly-contract.ts'
import type { Channel, ChannelArgs, ChannelResults } from '../../../shared/ipc/contract.ts'
import { runCli } from '../../helpers/cli.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-anomalies-'))
const db = path.join(dir, 'workspace.db')
let anomalies: Anomaly[] = []

beforeAll(async () => {
  const host = createLocalHost(db)
  try {
    const { result } = await createDemo(host.ctx, {
      out: path.join(dir, 'demo'),
      persons: 250_000,
      from: '2023-01',
      to: '2025-12',
      formats: ['csv'],
    })
    anomalies = result.manifest.anomalies
  } finally {
    await host.close()
  }
}, 240_000)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function call<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<ChannelResults[C]> {
  const host = createLocalHost(db)
  try {
    const envelope = await host.call(channel, args)
    if (!envelope.ok) throw new Error(envelope.error.message)
    return envelope.value as ChannelResults[C]
  } finally {
    await host.close()
  }
}

/** The kind that must find each injected anomaly. */
const PRIMARY: Record<Anomaly['kind'], AnomalyKind[]> = {
  change: ['升降', '季节异常'],
  blank: ['空白'],
  outlier: ['离群'],
}
const periodOf = (anomaly: Anomaly) => anomaly.period.replace('-Q', 'Q')

async function found(anomaly: Anomaly): Promise<AnomalyWarning | undefined> {
  const result = await call('anomaly/list', {
    period: periodOf(anomaly),
    unit: anomaly.unit,
    indicators: [anomaly.indicator],
  })
  return result.warnings.find((w) => w.unit === anomaly.unit && PRIMARY[anomaly.kind].includes(w.kind))
}

async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), progress: () => {} })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('the injected anomalies of the demo province', () => {
  it('are found at the default thresholds, all but at most one', async () => {
    expect(anomalies.map((a) => a.kind).sort()).toEqual(['blank', 'change', 'change', 'outlier', 'outlier'])
    const results = await Promise.all(anomalies.map(async (a) => ({ a, warning: await found(a) })))
    const missed = results
      .filter((r) => !r.warning)
      .map((r) => `${r.a.unitName} ${r.a.indicator} ${r.a.period}`)
    expect(missed.length, `missed: ${missed.join('; ')}`).toBeLessThanOrEqual(1)
    for (const { a, warning } of results) {
      if (!warning) continue
      expect(warning.period).toBe(periodOf(a))
      if (a.direction) expect(warning.movement).toBe(a.direction)
      expect(warning.message.startsWith(shortUnitName(a.unitName))).toBe(true)
    }
  })

  it('are all found once the workspace uses the conventional 3σ', async () => {
    await call('anomaly/settings', { set: { zChange: 3, zPeer: 3, zSeason: 3 } })
    try {
      for (const anomaly of anomalies)
        expect(await found(anomaly), `${anomaly.unitName} ${anomaly.indicator}`).toBeDefined()
    } finally {
      await call('anomaly/settings', { set: null })
    }
    expect((await call('anomaly/settings', {})).defaults.zChange).toBe(6)
  })
})

describe('yanpan anomalies', () => {
  it('--json prints the warnings with indicator, unit, period, kind, severity and message', async () => {
    const blank = anomalies.find((a) => a.kind === 'blank')!
    const run = await cli('anomalies', '--period', blank.period, '--unit', blank.unit, '--json', '--db', db)
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    const warnings = JSON.parse(run.out) as AnomalyWarning[]
    expect(Array.isArray(warnings)).toBe(true)
    for (const w of warnings) {
      expect(typeof w.indicator).toBe('string')
      expect(typeof w.unit).toBe('string')
      expect(w.period).toBe(blank.period)
      expect(['升降', '空白', '离群', '季节异常']).toContain(w.kind)
      expect(['high', 'medium', 'low']).toContain(w.severity)
      expect(w.message).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(
      warnings.some((w) => w.indicator === '受理人数' && w.unit === blank.unit && w.kind === '空白'),
    ).toBe(true)
  })

  it('prints a table for people, with the filters of the warning centre', async () => {
    const change = anomalies.find((a) => a.kind === 'change' && a.direction === 'up')!
    const quarter = `${change.period.slice(0, 4)}Q${Math.floor((Number(change.period.slice(5, 7)) - 1) / 3) + 1}`
    const run = await cli(
      'anomalies',
      '--period',
      quarter,
      '--kind',
      '升降',
      '--min-severity',
      '中',
      '--db',
      db,
    )
    expect(run.code).toBe(0)
    const lines = run.out.split('\n')
    expect(lines[0]).toMatch(
      /^\d{4}年第.季度异常预警：\d+ 条（数据覆盖 2023-01 至 2025-12；检查 \d+ 个指标×单位/,
    )
    expect(lines[1]).toBe('严重程度\t类型\t单位\t指标\t说明')
    expect(lines.slice(2).every((l) => /^(高|中)\t升降\t/.test(l))).toBe(true)
  })

  it('runs as the installed command', () => {
    const blank = anomalies.find((a) => a.kind === 'blank')!
    const run = runCli(['anomalies', '--period', blank.period, '--unit', blank.unit, '--json', '--db', db])
    expect(run.code).toBe(0)
    expect((JSON.parse(run.stdout) as AnomalyListResult['warnings']).length).toBeGreaterThan(0)
  })

  it('says in Chinese what is wrong', async () => {
    const noPeriod = await cli('anomalies', '--db', db)
    expect(noPeriod.code).toBe(2)
    expect(noPeriod.err).toMatch(/^请用 --period 指定期间/)
    const badPeriod = await cli('anomalies', '--period', '二〇二四', '--db', db)
    expect(badPeriod.code).toBe(1)
    expect(badPeriod.err).toMatch(/^错误：期间“二〇二四”无法识别。期间格式：/)
    const outside = await cli('anomalies', '--period', '2019Q1', '--db', db)
    expect(outside.code).toBe(1)
    expect(outside.err).toBe(
      '错误：期间“2019年第一季度”超出数据覆盖范围（2023-01 至 2025-12），请选择其中的期间。',
    )
    const kind = await cli('anomalies', '--period', '2024Q1', '--kind', '暴涨', '--db', db)
    expect(kind.code).toBe(2)
    expect(kind.err).toBe('未知的预警类型「暴涨」，可选：升降、空白、离群、季节异常。')
    const units = await cli(
      'anomalies',
      '--period',
      '2024Q1',
      '--unit',
      '320100',
      '--unit',
      '320200',
      '--db',
      db,
    )
    expect(units.code).toBe(2)
    expect(units.err).toMatch(/--unit 只能指定一个单位/)
    const unit = await cli('anomalies', '--period', '2024Q1', '--unit', '999999', '--db', db)
    expect(unit.code).toBe(1)
    expect(unit.err).toBe('错误：单位“999999”不在单位列表中。')
  })
})
