import { describe, expect, it } from 'vitest'
import {
  bulkAllText,
  exportNotice,
  flagCountText,
  formatRunSummary,
  formatSeconds,
  hitsText,
  hitsTitle,
  severityName,
  statusName,
  totalHits,
  updateNotice,
  whitelistNotice,
} from '../../../../renderer/src/pages/quality/qualityText.ts'

const hits = (open: number, confirmed: number, rectified: number, falsePositive: number) => ({
  open,
  confirmed,
  rectified,
  falsePositive,
})

describe('quality texts', () => {
  it('summarises a run, naming skipped rules and why', () => {
    const text = formatRunSummary(
      {
        rules: 60,
        records: 5000,
        flags: 1321,
        newFlags: 20,
        rectified: 5,
        skipped: [
          { rule: 'R022', reason: '缺少一审公诉数据集' },
          { rule: 'U001', reason: '条件有误' },
        ],
        ms: 1234,
      },
      new Map([['R022', '审查逮捕阶段填报为纠正(漏捕)的嫌疑人…']]),
    )
    expect(text.headline).toBe(
      '核查完成：运行 60 条规则，检查 5,000 条记录，发现疑点 1,321 条（新增 20 条，已整改 5 条），用时 1.2 秒。',
    )
    expect(text.skipped).toEqual([
      'R022 审查逮捕阶段填报为纠正(漏捕)的嫌疑人…：缺少一审公诉数据集',
      'U001：条件有误',
    ])
  })

  it('formats durations for people', () => {
    expect(formatSeconds(350)).toBe('0.4 秒')
    expect(formatSeconds(61_400)).toBe('61 秒')
    expect(formatSeconds(Number.NaN)).toBe('—')
  })

  it('counts flags', () => {
    expect(flagCountText(1234, false)).toBe('共 1,234 条疑点')
    expect(flagCountText(56, true)).toBe('筛选出 56 条疑点')
  })

  it('describes a rule’s hits', () => {
    expect(hitsText(hits(0, 0, 0, 0))).toBe('无疑点')
    expect(hitsText(hits(3, 2, 4, 1))).toBe('待核查 3 / 共 10')
    expect(totalHits(hits(3, 2, 4, 1))).toBe(10)
    expect(hitsTitle(hits(3, 2, 4, 1))).toBe('待核查 3，已确认 2，已整改 4，误报 1')
  })

  it('names statuses and severities, passing unknown codes through', () => {
    expect(statusName('rectified')).toBe('已整改')
    expect(statusName('archived')).toBe('archived')
    expect(severityName('warning')).toBe('提示核对')
  })

  it('words notices and confirmations', () => {
    expect(updateNotice('falsePositive', 3)).toBe('已将 3 条疑点标为“误报”。')
    expect(bulkAllText('rectified', 1200)).toBe('将把当前筛选出的 1,200 条疑点全部标为“已整改”。')
    expect(bulkAllText('confirmed', null)).toBe('将把当前筛选出的全部疑点标为“已确认”。')
    expect(whitelistNotice(2)).toBe('已将 2 条疑点加入已核对清单，今后核查不再提示。')
    expect(exportNotice(10, '疑点清单.xlsx')).toBe('已导出 10 条疑点：疑点清单.xlsx')
  })
})
