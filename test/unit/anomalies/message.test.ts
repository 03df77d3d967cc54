/**
 * The Chinese sentence of a warning (shared/anomalies/message.ts), in the words of the reports:
 * short unit names (玄武区院), rates in 个百分点, counts in %, the peers' median, the expected
 * interval, a blank item, the main source of a change and the reason a candidate was held back.
 */
import { describe, expect, it } from 'vitest'
import { describeChange, shortUnitName, warningMessage } from '../../../shared/anomalies/message.ts'

describe('shortUnitName', () => {
  it.each([
    ['南京市玄武区人民检察院', '玄武区院'],
    ['连云港市连云区人民检察院', '连云区院'],
    ['东台市人民检察院', '东台市院'],
    ['南京市人民检察院', '南京市院'],
    ['江苏省人民检察院', '江苏省院'],
    ['沛县人民检察院', '沛县院'],
    ['全部单位', '全部单位'],
  ])('%s → %s', (name, short) => expect(shortUnitName(name)).toBe(short))
})

describe('warningMessage', () => {
  const base = { unitName: '南京市玄武区人民检察院', periodLabel: '2024年第三季度', precision: 1 }

  it('升降 of a rate, with its main source (the example of issue 7)', () => {
    expect(
      warningMessage({
        ...base,
        kind: '升降',
        indicatorName: '不捕率',
        unit: '%',
        value: 45.2,
        compareTo: 'yoy',
        base: 32.9,
        change: 12.3,
        z: 4.1,
        cause: { label: '危险驾驶罪', total: 8.1 },
      }),
    ).toBe(
      '玄武区院2024年第三季度不捕率45.2%，同比上升12.3个百分点（去年同期32.9%），变动幅度为正常波动的4.1倍；主要来自危险驾驶罪（+8.1个百分点）',
    )
  })

  it('升降 of a count in %, 环比, January and February merged', () => {
    expect(
      warningMessage({
        ...base,
        periodLabel: '2024年1至2月',
        merged: true,
        kind: '升降',
        indicatorName: '审查起诉受理人数',
        unit: '人',
        precision: 0,
        value: 1786,
        compareTo: 'mom',
        base: 382,
        change: 367.5,
        z: 27.9,
      }),
    ).toBe(
      '玄武区院2024年1至2月（1、2月合并计算，消除春节因素）审查起诉受理人数1,786人，环比上升367.5%（上期382人），变动幅度为正常波动的27.9倍',
    )
  })

  it('离群 against the peers median', () => {
    expect(
      warningMessage({
        ...base,
        kind: '离群',
        indicatorName: '不诉率',
        unit: '%',
        value: 72,
        peerLabel: '全省基层院',
        center: 20.1,
        z: 9.3,
      }),
    ).toBe('玄武区院2024年第三季度不诉率72.0%，高于全省基层院中位数20.1%达51.9个百分点，约9.3个标准差')
  })

  it('季节异常 with the expected interval', () => {
    expect(
      warningMessage({
        ...base,
        kind: '季节异常',
        indicatorName: '审查逮捕受理人数',
        unit: '人',
        precision: 0,
        value: 24,
        expected: 165,
        lower: 98,
        upper: 272,
      }),
    ).toBe(
      '玄武区院2024年第三季度审查逮捕受理人数24人，明显低于按往年同期推算的预期（约165人，正常区间98人～272人）',
    )
  })

  it('空白 of a count and of a rate', () => {
    expect(
      warningMessage({
        ...base,
        kind: '空白',
        indicatorName: '受理人数',
        unit: '人',
        precision: 0,
        value: 0,
        usual: 888,
      }),
    ).toBe('玄武区院2024年第三季度受理人数为0（此前通常为888人），属空白项，请核对是否漏导数据')
    expect(
      warningMessage({
        ...base,
        kind: '空白',
        indicatorName: '退回补充侦查率',
        unit: '%',
        value: null,
        usual: 596,
      }),
    ).toBe(
      '玄武区院2024年第三季度退回补充侦查率无法计算（分母为0，此前通常为596），属空白项，请核对是否漏导数据',
    )
  })

  it('held back: 样本过少 and 基数效应 say so, and name no source', () => {
    const small = warningMessage({
      ...base,
      kind: '升降',
      indicatorName: '不捕率',
      unit: '%',
      value: 87.5,
      compareTo: 'yoy',
      base: 11.1,
      change: 76.4,
      z: 5,
      suppressed: '样本过少',
      sample: 8,
      cause: { label: '盗窃罪', total: 40 },
    })
    expect(small.startsWith('样本过少（样本仅8），未作预警：玄武区院')).toBe(true)
    expect(small).not.toContain('主要来自')
    const base2 = warningMessage({
      ...base,
      kind: '升降',
      indicatorName: '审查起诉受理人数',
      unit: '人',
      precision: 0,
      value: 385,
      compareTo: 'yoy',
      base: 1786,
      change: -78.4,
      z: 9,
      suppressed: '基数效应',
    })
    expect(base2).toContain('同比下降78.4%（去年同期1,786人），主要因去年同期基数异常')
    expect(base2.endsWith('，未作预警')).toBe(true)
  })

  it('complementary rates are named, not listed again', () => {
    expect(
      warningMessage({
        ...base,
        kind: '升降',
        indicatorName: '不捕率',
        unit: '%',
        value: 32.6,
        compareTo: 'yoy',
        base: 37.9,
        change: -5.3,
        z: 6.5,
        complements: ['逮捕率'],
      }),
    ).toContain('（逮捕率与之互补，不再单列）')
  })

  it('describeChange: 百分点 for rates, % for counts, 持平', () => {
    expect(describeChange(-5.25, '%')).toBe('下降5.3个百分点')
    expect(describeChange(2, '‰')).toBe('上升2.0个千分点')
    expect(describeChange(20, '件')).toBe('上升20.0%')
    expect(describeChange(0.01, '%')).toBe('基本持平')
  })
})
