/**
 * `yanpan report`: the CLI entry (main(argv, io), what bin/yanpan.mjs runs) on a demo workspace —
 * listing templates, writing a report to --out, and refusing bad arguments with a Chinese message
 * and a non-zero exit; once through the real binary in a child process.
 */
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { main } from '../../../electron/engine/cli/main.ts'
import { runCli } from '../../helpers/cli.ts'
import { useReportWorkspace } from '../../helpers/report-workspace.ts'

const workspace = useReportWorkspace(2000)

async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main([...argv, '--db', workspace().dbPath], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    progress: () => {},
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('yanpan report', () => {
  it('--list prints the templates, built-ins first', async () => {
    const listed = await cli('report', '--list')
    expect(listed.code).toBe(0)
    expect(listed.out.split('\n').map((l) => l.split('\t').slice(0, 3))).toEqual([
      ['quarterly', '季度业务数据分析研判报告', '内置'],
      ['annual', '年度业务数据分析研判报告', '内置'],
      ['quality', '数据质量通报', '内置'],
      ['topic-minors', '未成年人检察专题分析', '内置'],
    ])
    const json = await cli('report', '--list', '--json')
    expect(JSON.parse(json.out).map((t: { id: string }) => t.id)).toEqual([
      'quarterly',
      'annual',
      'quality',
      'topic-minors',
    ])
  })

  it('writes the report to --out', async () => {
    const out = path.join(workspace().dir, '报告', '南京2025Q3.docx')
    const result = await cli(
      'report',
      '--template',
      'quarterly',
      '--period',
      '2025Q3',
      '--unit',
      '320100',
      '--out',
      out,
    )
    expect(result).toMatchObject({ code: 0, err: '' })
    expect(result.out).toMatch(/^已生成「南京市人民检察院2025年第三季度业务数据分析研判报告」：/)
    expect(result.out).toMatch(/\d+ 张图表/)
    const zip = await JSZip.loadAsync(fs.readFileSync(out))
    expect(await zip.file('word/document.xml')!.async('string')).toContain(
      '南京市人民检察院2025年第三季度业务数据分析研判报告',
    )
    expect(zip.file('word/charts/chart1.xml')).not.toBeNull()
    // The copy in the export folder is not left behind.
    expect(
      fs.existsSync(workspace().host.exportDir) ? fs.readdirSync(workspace().host.exportDir) : [],
    ).toEqual([])
  })

  it('refuses a bad template, period or unit with a Chinese message and exit code 1', async () => {
    const out = path.join(workspace().dir, 'x.docx')
    const bad = async (...args: string[]) => cli('report', '--out', out, ...args)
    expect(await bad('--template', 'weekly', '--period', '2025Q3')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^错误：没有名为“weekly”的报告模板/),
    })
    expect(await bad('--template', 'quarterly', '--period', '2025年三季度')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^错误：期间“2025年三季度”无法识别/),
    })
    expect(await bad('--template', 'quarterly', '--period', '2025Q3', '--unit', '329999')).toMatchObject({
      code: 1,
      err: '错误：单位“329999”不在单位列表中。',
    })
    expect(fs.existsSync(out)).toBe(false)
  })

  it('says what is missing: template, period, output file, a .docx name, one unit', async () => {
    expect(await cli('report', '--period', '2025Q3', '--out', 'a.docx')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^请用 --template 指定报告模板/),
    })
    expect(await cli('report', '--template', 'quarterly', '--out', 'a.docx')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^请用 --period 指定期间/),
    })
    expect(await cli('report', '--template', 'quarterly', '--period', '2025Q3')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^请用 --out 指定输出文件/),
    })
    expect(
      await cli('report', '--template', 'quarterly', '--period', '2025Q3', '--out', 'a.pdf'),
    ).toMatchObject({
      code: 2,
      err: '输出文件「a.pdf」应以 .docx 结尾。',
    })
    expect(
      await cli(
        'report',
        '--template',
        'quarterly',
        '--period',
        '2025Q3',
        '--unit',
        '320100,320200',
        '--out',
        'a.docx',
      ),
    ).toMatchObject({ code: 2, err: expect.stringMatching(/只能指定一个单位/) })
  })

  it('runs as a command with a non-zero exit on failure', () => {
    const missing = runCli(['report', '--list', '--db', path.join(workspace().dir, 'none.db')])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/工作区文件「.*none\.db」不存在/)
    const bad = runCli([
      'report',
      '--template',
      'quarterly',
      '--period',
      '2025Q9',
      '--out',
      path.join(workspace().dir, 'y.docx'),
      '--db',
      workspace().dbPath,
    ])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/期间“2025Q9”无法识别/)
  })
})
