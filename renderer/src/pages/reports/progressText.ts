/**
 * report/progress as one bar: the phases of a build (computing → composing) or an export (… →
 * charts → writing → done) each own a slice of the bar, filled by their `done` of `total`.
 */
import type { ReportProgress } from '../../../../shared/ipc/report-contract.ts'

export type ReportTask = 'build' | 'export'

type Phase = ReportProgress['phase']

/** Start and end (in %) of each phase's slice. */
const SLICES: Record<ReportTask, Partial<Record<Phase, [number, number]>>> = {
  build: { computing: [0, 90], composing: [90, 100], done: [100, 100] },
  export: { computing: [0, 55], composing: [55, 60], charts: [60, 85], writing: [85, 99], done: [100, 100] },
}

export const PHASE_NAMES: Readonly<Record<Phase, string>> = {
  computing: '正在计算指标',
  composing: '正在组织内容',
  charts: '正在生成图表',
  writing: '正在写入 Word 文档',
  done: '已完成',
}

/** Whole percent of the task; null before the first event (an indeterminate bar). */
export function progressPercent(task: ReportTask, progress: ReportProgress | null): number | null {
  if (progress === null) return null
  const slice = SLICES[task][progress.phase]
  if (!slice) return null
  const [from, to] = slice
  const share = progress.total > 0 ? Math.min(1, Math.max(0, progress.done / progress.total)) : 0
  return Math.floor(from + (to - from) * share)
}

/** “正在计算指标（12/40）” */
export function progressLabel(progress: ReportProgress | null, task: ReportTask): string {
  if (progress === null) return task === 'build' ? '正在准备报告…' : '正在准备导出…'
  const name = PHASE_NAMES[progress.phase]
  if (progress.phase === 'done') return name
  if (progress.total <= 1) return `${name}…`
  return `${name}（${progress.done}/${progress.total}）…`
}

/** “46 段文字、5 个表格、22 张图表” */
export function countsText(counts: { paragraphs: number; tables: number; charts: number }): string {
  return `${counts.paragraphs} 段文字、${counts.tables} 个表格、${counts.charts} 张图表`
}

/** Seconds with one decimal: 2.4 秒 (under a second: 毫秒). */
export function elapsedText(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—'
  if (ms < 1000) return `${Math.round(ms)} 毫秒`
  return `${(Math.round(ms / 100) / 10).toFixed(1)} 秒`
}
