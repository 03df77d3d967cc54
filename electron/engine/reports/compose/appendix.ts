/**
 * The 附录 as blocks: the imported files behind the figures, the 口径 of every indicator used, the
 * rule library and the records flagged or left out. Shown in the preview exactly as in Word.
 */
import type { Provenance, ReportBlock } from '../../../../shared/reports/report-model.ts'
import { chineseDate } from './binding.ts'

const time = (iso: string) => `${chineseDate(iso)} ${iso.slice(11, 16)}`

export function appendixBlocks(provenance: Provenance): ReportBlock[] {
  const { imports, indicators, ruleLibrary, records } = provenance
  const sources =
    `本报告数据来源于工作区导入的${imports.length}个数据文件（见附表1），` +
    `现有记录${records.total}条，导入时拒收${records.rejectedRows}行。` +
    `数据质量核查使用规则库版本 ${ruleLibrary.version}（内置规则${ruleLibrary.rules}条，` +
    `启用${ruleLibrary.enabled}条，自定义规则${ruleLibrary.userRules}条）` +
    (ruleLibrary.lastRun ? `，最近一次核查于${time(ruleLibrary.lastRun)}` : '，尚未运行核查') +
    `。存在未解决核查问题的记录${records.flagged}条，其中存在错误级问题的${records.flaggedErrors}条；` +
    (records.excludeFlagged
      ? `本报告的指标已剔除这${records.flaggedErrors}条记录。`
      : '本报告的指标按全部记录计算，未剔除上述记录。')
  return [
    { kind: 'pageBreak' },
    { kind: 'heading', level: 0, number: '', text: '附录　数据来源与指标口径' },
    {
      kind: 'paragraph',
      id: 'appendix.sources',
      style: 'body',
      edited: false,
      text: sources,
      original: sources,
    },
    {
      kind: 'table',
      id: 'appendix.imports',
      label: '附表1',
      title: '导入的数据文件',
      header: ['文件名', '数据集', '行数', '拒收', 'SHA-256', '导入时间'],
      align: ['left', 'left', 'center', 'center', 'left', 'center'],
      widths: [3.2, 1.8, 0.9, 0.7, 3.4, 1.6],
      rows: imports.map((i) => ({
        cells: [i.file, i.dataset, String(i.rows), String(i.rejected), i.sha256, time(i.importedAt)],
      })),
    },
    {
      kind: 'table',
      id: 'appendix.indicators',
      label: '附表2',
      title: '本报告所用指标的口径',
      header: ['指标', '口径', '公式', '计算项', '方向'],
      align: ['left', 'left', 'left', 'left', 'center'],
      widths: [1.8, 1.6, 2.4, 5, 0.8],
      rows: indicators.map((i) => ({
        cells: [i.name, `${i.caliberName}（${i.effective}）`, i.formula, i.measures, i.direction],
      })),
    },
  ]
}
