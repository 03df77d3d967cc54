/** What the progress bar says for an upload (browser mode) or an engine `import/progress` event. */
import type { EngineEvents } from '../../../../shared/ipc/contract.ts'
import type { UploadProgress } from '../../api/fileRefs.ts'
import { formatBytes, formatCount, percentOf } from '../../format/numbers.ts'

export type ImportProgressState =
  ({ stage: 'upload' } & UploadProgress) | ({ stage: 'engine' } & EngineEvents['import/progress'])

export interface ProgressView {
  phase: 'preparing' | 'upload' | 'reading' | 'writing' | 'done'
  title: string
  /** null: unknown size, show an indeterminate bar. */
  percent: number | null
  detail: string
}

export const PHASE_NAMES = { reading: '读取', writing: '写入', done: '完成' } as const

export function progressView(state: ImportProgressState | null): ProgressView {
  if (state === null) return { phase: 'preparing', title: '正在准备导入…', percent: null, detail: '' }
  if (state.stage === 'upload') {
    const count = state.count > 1 ? `（${state.index + 1}/${state.count}）` : ''
    return {
      phase: 'upload',
      title: `上传 ${state.file}${count}`,
      percent: percentOf(state.loaded, state.total),
      detail: `${formatBytes(state.loaded)} / ${formatBytes(state.total)}`,
    }
  }
  // Rows are counted while reading; bytes give the share of the file done, the best measure we have.
  const percent = state.phase === 'done' ? 100 : percentOf(state.bytesRead, state.totalBytes)
  return {
    phase: state.phase,
    title: `${PHASE_NAMES[state.phase]} ${state.file}`,
    percent,
    detail: `已读取 ${formatCount(state.rowsRead)} 行`,
  }
}
