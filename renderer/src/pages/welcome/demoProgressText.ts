import type { EngineEvents } from '../../../../shared/ipc/contract.ts'
import { formatCount } from '../../format/numbers.ts'

/** "正在生成演示数据：已生成 8,000 / 20,000 名犯罪嫌疑人" and its percentage. */
export function demoProgressText(progress: EngineEvents['demo/progress'] | null): {
  text: string
  percent: number | null
} {
  if (!progress) return { text: '正在准备…', percent: null }
  const percent =
    progress.total > 0 ? Math.min(100, Math.floor((100 * progress.done) / progress.total)) : null
  const figures = `${formatCount(progress.done)} / ${formatCount(progress.total)}`
  return progress.phase === 'generating'
    ? { text: `正在生成演示数据：已生成 ${figures} 名犯罪嫌疑人`, percent }
    : { text: `正在导入演示数据：已写入 ${figures} 行`, percent }
}
