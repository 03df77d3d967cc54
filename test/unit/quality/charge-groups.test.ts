import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import committed from '../../../resources/charges/groups.json' with { type: 'json' }
import { chapterGroups, chargeGroups, findChargeGroup } from '../../../shared/domain/charge-groups.ts'
import { deriveChargeGroups } from '../../../scripts/charge-groups-derivation.ts'
import { ROOT } from '../../helpers/cli.ts'

/** The team's reference data, outside the repository (present on the build machines). */
const CSV = path.resolve(ROOT, '../shared/data/charges.csv')

describe('charge groups (resources/charges/groups.json)', () => {
  it.skipIf(!fs.existsSync(CSV))('is exactly what the derivation makes of charges.csv', () => {
    const derived = deriveChargeGroups(fs.readFileSync(CSV, 'utf8'), committed.source.sha256)
    expect(derived).toEqual(committed)
  })

  it('puts each of the 483 charges in one of the ten chapters', () => {
    expect(committed.charges).toHaveLength(483)
    const chapters = chapterGroups()
    expect(chapters.map((g) => g.name)).toEqual([
      '危害国家安全罪',
      '危害公共安全罪',
      '破坏社会主义市场经济秩序罪',
      '侵犯公民人身权利、民主权利罪',
      '侵犯财产罪',
      '妨害社会管理秩序罪',
      '危害国防利益罪',
      '贪污贿赂罪',
      '渎职罪',
      '军人违反职责罪',
    ])
    for (const charge of committed.charges) {
      expect(
        chapters.filter((g) => g.members.includes(charge.name)),
        charge.name,
      ).toHaveLength(1)
    }
  })

  it('derives the named groups from chapters, articles and short lists', () => {
    expect(findChargeGroup('职务犯罪')!.members).toEqual(
      expect.arrayContaining(['贪污罪', '受贿罪', '滥用职权罪', '玩忽职守罪']),
    )
    expect(findChargeGroup('侵犯知识产权罪')!.members).toEqual(
      expect.arrayContaining(['假冒注册商标罪', '侵犯著作权罪', '侵犯商业秘密罪']),
    )
    expect(findChargeGroup('恐怖活动犯罪')!.members).toHaveLength(7)
    expect(findChargeGroup('伤亡类犯罪')!.members).toEqual([
      '交通肇事罪',
      '故意伤害罪',
      '故意杀人罪',
      '过失致人死亡罪',
      '过失致人重伤罪',
    ])
    expect(findChargeGroup('第五章')!.name).toBe('侵犯财产罪')
    expect(findChargeGroup('经济犯罪')!.name).toBe('破坏社会主义市场经济秩序罪')
  })

  it('groups former names, and the system’s annotated form, with the current charge', () => {
    const chapter4 = findChargeGroup('第四章')!.members
    expect(chapter4).toEqual(
      expect.arrayContaining([
        '强制猥亵、侮辱妇女罪',
        '强制猥亵、侮辱罪（原强制猥亵、侮辱妇女罪）',
        '非法获取公民个人信息罪',
      ]),
    )
    for (const former of committed.formerNames) {
      const groups = chargeGroups().filter((g) => g.members.includes(former.current))
      for (const group of groups) expect(group.members, former.name).toContain(former.name)
    }
  })
})
