/**
 * After an import, an undo or the demo, the app rebuilds the indicator pre-aggregates in the
 * background (on scan threads), so the analyst's next visit to 指标分析 is instant instead of waiting
 * for a scan of millions of records. Only in the app and browser mode: a CLI run ends right away.
 * One rebuild at a time; changes during a rebuild schedule one more.
 */
import { monthIndex } from '../../../shared/indicators/period.ts'
import { nowIso } from '../clock.ts'
import type { EngineContext } from '../services/context.ts'
import { warmIndicators } from './compute.ts'

const FIRST_YEAR = 2015
const state = new WeakMap<EngineContext, { running: boolean; again: boolean }>()

export function prewarmIndicators(ctx: EngineContext): void {
  if (ctx.mode === 'cli' || ctx.dbPath === ':memory:') return
  let s = state.get(ctx)
  if (!s) state.set(ctx, (s = { running: false, again: false }))
  if (s.running) {
    s.again = true
    return
  }
  s.running = true
  const run = async (): Promise<void> => {
    const today = nowIso().slice(0, 10)
    // A window per year reaches every 口径 in force over the years analysts look at.
    const windows = []
    for (let year = FIRST_YEAR; year <= Number(today.slice(0, 4)); year++)
      windows.push({ from: monthIndex(year, 1), to: monthIndex(year, 12) })
    try {
      await warmIndicators(ctx.db, ctx.dbPath, { excludeFlagged: false, windows }, today)
    } catch (error) {
      // Only an optimisation: the next request builds whatever is still stale. A workspace closed
      // meanwhile (the app quitting) is no failure worth a word.
      if (ctx.db.open) console.warn('指标预汇总未完成：', error instanceof Error ? error.message : error)
    }
    if (s.again) {
      s.again = false
      return run()
    }
    s.running = false
  }
  setTimeout(() => void run(), 0)
}
