import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  detectKind,
  headerKey,
  loadCodeTable,
  loadKindDictionaries,
} from '../../../electron/engine/import/kinds.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
// The documented header lists (case-cards.md §3.3), kept beside the team's domain notes.
const columnsFile = path.resolve(root, '../shared/domain/export-columns.json')
const documented: { common: string[]; '010101': string[]; '020101': string[] } | null = fs.existsSync(
  columnsFile,
)
  ? JSON.parse(fs.readFileSync(columnsFile, 'utf8'))
  : null

const COMMON = ['部门受案号', '案件名称', '嫌疑人姓名', '受理日期', '承办部门', '承办检察官', '嫌疑人编号']
const dictionaries = loadKindDictionaries()
const arrest = dictionaries.find((d) => d.kind === '010101')!
const prosecution = dictionaries.find((d) => d.kind === '020101')!
const documentedNames = (kind: typeof arrest) => kind.fields.filter((f) => !f.optional).map((f) => f.name)

describe('kind dictionaries', () => {
  it.runIf(documented !== null)('define every documented header of each export', () => {
    expect(documentedNames(arrest)).toEqual([...documented!.common, ...documented!['010101']])
    expect(documentedNames(prosecution)).toEqual([...documented!.common, ...documented!['020101']])
  })

  it('name their key, signature and title', () => {
    expect(arrest.title).toBe('审查逮捕')
    expect(prosecution.title).toBe('一审公诉')
    for (const d of dictionaries) {
      expect(d.key).toEqual(['部门受案号', '嫌疑人编号'])
      const names = new Set(d.fields.map((f) => f.name))
      expect(names.size).toBe(d.fields.length)
      for (const s of [...d.key, ...d.signature]) expect(names.has(s)).toBe(true)
    }
    expect(arrest.signature).toEqual(['审结处理结果', '不捕情形', '应当逮捕情形'])
    expect(prosecution.signature).toContain('审结处理情况')
  })

  it('type fields by the documented conventions', () => {
    for (const d of dictionaries) {
      for (const f of d.fields) {
        if (f.name.endsWith('日期')) expect(f.type, f.name).toBe('date')
        if (f.name.endsWith('（万元）')) expect([f.type, f.role], f.name).toEqual(['decimal', 'amount'])
        if (f.codeTable === 'charges') expect(f.role, f.name).toBe('charge')
        if (f.type === 'code' && f.role !== 'charge' && f.values === undefined)
          throw new Error(`${f.name}: code without values`)
      }
      const byName = new Map(d.fields.map((f) => [f.name, f]))
      expect(byName.get('部门受案号')!.role).toBe('caseNumber')
      expect(byName.get('嫌疑人编号')!.role).toBe('suspectId')
      expect(byName.get('承办检察官')!.role).toBe('prosecutor')
      expect(byName.get('承办部门')!.role).toBe('department')
      expect(byName.get('审结案由')).toMatchObject({ type: 'code', role: 'charge', codeTable: 'charges' })
      expect(byName.get('审结其他案由')).toMatchObject({ type: 'set', role: 'charge', codeTable: 'charges' })
    }
    const a = new Map(arrest.fields.map((f) => [f.name, f]))
    expect(a.get('审结处理结果')).toMatchObject({
      type: 'code',
      values: ['批准逮捕', '不批准逮捕', '不予决定逮捕', '决定逮捕'],
    })
    expect(a.get('不捕情形')!.type).toBe('set')
    expect(a.get('是否利用电信或网络实施犯罪')!.type).toBe('boolean')
    expect(a.get('涉港澳台侨犯罪案件')!.type).toBe('text')
    const p = new Map(prosecution.fields.map((f) => [f.name, f]))
    expect(p.get('作案时年龄')!.type).toBe('integer')
    expect(p.get('一审宣告刑刑期')!.type).toBe('integer')
    expect(p.get('庭审程序')).toMatchObject({
      type: 'code',
      values: ['速裁程序', '简易程序', '普通程序'],
      closed: true,
    })
    expect(p.get('一审判决罪名/案由')).toMatchObject({ type: 'code', role: 'charge' })
    expect(p.get('一审判决其他罪名/案由')).toMatchObject({ type: 'set', role: 'charge' })
    expect(p.get('审查起诉阶段量刑建议（自）罚金数额')).toMatchObject({ type: 'decimal', role: 'amount' })
  })

  it('resolve the charges code table to the 483 official names', () => {
    const charges = loadCodeTable('charges')
    expect(charges).toHaveLength(483)
    expect(charges).toContain('盗窃罪')
    expect(charges).toContain('走私、贩卖、运输、制造毒品罪')
    expect(new Set(charges).size).toBe(483)
  })
})

describe('headerKey', () => {
  it('folds brackets, width and spaces', () => {
    expect(headerKey(' 保证金(万元) ')).toBe(headerKey('保证金（万元）'))
    expect(headerKey('部门 受案号')).toBe('部门受案号')
    expect(headerKey('全案＿审结日期')).toBe('全案_审结日期')
    expect(headerKey('一审判决罪名／案由')).toBe('一审判决罪名/案由')
    expect(headerKey('\ufeff部门受案号')).toBe('部门受案号')
  })
})

describe('detectKind', () => {
  const shuffle = <T>(items: T[]): T[] => {
    // deterministic: reverse and interleave
    const reversed = [...items].reverse()
    return reversed.filter((_, i) => i % 2 === 0).concat(reversed.filter((_, i) => i % 2 === 1))
  }

  it('recognises complete exports', () => {
    const a = detectKind(documentedNames(arrest))
    expect(a.kind).toBe('010101')
    expect(a.keyFields).toEqual(['部门受案号', '嫌疑人编号'])
    expect(a.fields.every((f) => f.known && f.source === 'dictionary')).toBe(true)
    expect(a.matched).toEqual(documentedNames(arrest))
    const p = detectKind(documentedNames(prosecution))
    expect(p.kind).toBe('020101')
    expect(p.fields.every((f) => f.known)).toBe(true)
  })

  it('recognises the signature alone, in any order', () => {
    const detected = detectKind(['应当逮捕情形', '嫌疑人编号', '不捕情形', '审结处理结果', '部门受案号'])
    expect(detected.kind).toBe('010101')
    expect(detected.fields.map((f) => f.name)).toEqual([
      '应当逮捕情形',
      '嫌疑人编号',
      '不捕情形',
      '审结处理结果',
      '部门受案号',
    ])
    expect(detected.fields.map((f) => f.type)).toEqual(['set', 'text', 'set', 'code', 'text'])
  })

  it('tolerates reordered, missing and extra columns', () => {
    const headers = shuffle(
      documentedNames(prosecution).filter((n) => n !== '庭审程序' && !n.startsWith('全案_')),
    )
    headers.splice(3, 0, '备注', '自定义列')
    const detected = detectKind(headers)
    expect(detected.kind).toBe('020101')
    expect(detected.fields).toHaveLength(headers.length)
    expect(detected.fields.map((f) => f.header)).toEqual(headers)
    const extra = detected.fields.filter((f) => !f.known)
    expect(extra.map((f) => f.name)).toEqual(['备注', '自定义列'])
    expect(extra.every((f) => f.source !== 'dictionary')).toBe(true)
    expect(detected.matched).not.toContain('备注')
  })

  it('recognises a kind from most of its distinctive headers when the signature is incomplete', () => {
    const headers = documentedNames(arrest).filter((n) => n !== '应当逮捕情形')
    expect(detectKind(headers).kind).toBe('010101')
    // A narrow export: three or more headers only 010101 has, none only 020101 has.
    const few = [...COMMON, '移送案由', '涉嫌案由', '不捕情形', '侦查机关名称']
    expect(detectKind(few).kind).toBe('010101')
    // Two distinctive headers are not enough; nor are distinctive headers of both kinds mixed.
    expect(detectKind([...COMMON, '不捕情形', '侦查机关名称']).kind).toBe('generic')
    expect(detectKind([...COMMON, '移送案由', '不捕情形', '侦查机关名称', '庭审程序']).kind).toBe('generic')
  })

  it('matches full-width, half-width and spaced header variants', () => {
    const headers = documentedNames(prosecution).map((name, i) => {
      if (i % 3 === 0) return name.replaceAll('（', '(').replaceAll('）', ')')
      if (i % 3 === 1) return ` ${name}\u3000`
      return name
    })
    headers[0] = '部门 受案号'
    const detected = detectKind(headers)
    expect(detected.kind).toBe('020101')
    expect(detected.fields.every((f) => f.known)).toBe(true)
    const amount = detected.fields.find((f) => f.header === '保证金(万元)')!
    expect(amount).toMatchObject({ name: '保证金（万元）', type: 'decimal', role: 'amount', known: true })
    expect(detected.fields[0]).toMatchObject({
      name: '部门受案号',
      header: '部门 受案号',
      role: 'caseNumber',
    })
    expect(detected.keyFields).toEqual(['部门受案号', '嫌疑人编号'])
  })

  it('requires the key fields', () => {
    const headers = documentedNames(arrest).filter((n) => n !== '嫌疑人编号')
    const detected = detectKind(headers)
    expect(detected.kind).toBe('generic')
    expect(detected.keyFields).toEqual([])
  })

  it('falls back to generic, keeping the common definitions and the key when present', () => {
    const detected = detectKind(['序号', '部门受案号', '嫌疑人编号', '受理日期', '审结处理结果', '金额'])
    expect(detected.kind).toBe('generic')
    expect(detected.keyFields).toEqual(['部门受案号', '嫌疑人编号'])
    expect(detected.matched).toEqual([])
    expect(detected.fields.map((f) => [f.name, f.known])).toEqual([
      ['序号', false],
      ['部门受案号', true],
      ['嫌疑人编号', true],
      ['受理日期', true],
      ['审结处理结果', false],
      ['金额', false],
    ])
    expect(detected.fields[3].type).toBe('date')
    expect(detectKind(['姓名', '年龄']).keyFields).toEqual([])
  })

  it('uses the other kind’s definition for a column that migrated between exports', () => {
    const detected = detectKind([...documentedNames(arrest), '审结前强制措施', '一审宣告刑刑期'])
    expect(detected.kind).toBe('010101')
    const migrated = detected.fields.slice(-2)
    expect(migrated.map((f) => [f.name, f.type, f.known])).toEqual([
      ['审结前强制措施', 'code', true],
      ['一审宣告刑刑期', 'integer', true],
    ])
    expect(detected.matched).not.toContain('审结前强制措施')
  })

  it('gives optional columns their definitions', () => {
    const detected = detectKind([...documentedNames(prosecution), '性别', '出生日期', '证件号码'])
    expect(detected.fields.slice(-3).map((f) => [f.name, f.type, f.optional])).toEqual([
      ['性别', 'code', true],
      ['出生日期', 'date', true],
      ['证件号码', 'text', true],
    ])
  })

  it('marks a repeated header unknown after its first occurrence', () => {
    const detected = detectKind([...documentedNames(arrest), '审结日期'])
    const last = detected.fields[detected.fields.length - 1]
    expect(last).toMatchObject({ name: '审结日期', known: false })
    expect(detected.fields.filter((f) => f.name === '审结日期' && f.known)).toHaveLength(1)
  })

  it('prefers the kind with the larger share when both could match', () => {
    const headers = [...documentedNames(prosecution), '审结处理结果', '不捕情形', '应当逮捕情形']
    expect(detectKind(headers).kind).toBe('020101')
  })
})
