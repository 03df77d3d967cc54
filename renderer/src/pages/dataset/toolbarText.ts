/** Small pure helpers for the dataset toolbar. */
import { formatCount } from '../../format/numbers.ts'
import type { GridQueryArgs } from './gridQuery.ts'

/** `共 1,234 条记录`, or with filters `筛选出 56 条（共 1,234 条）`. */
export function recordCountText(shown: number, all: number, filtered: boolean): string {
  return filtered
    ? `筛选出 ${formatCount(shown)} 条（共 ${formatCount(all)} 条）`
    : `共 ${formatCount(shown)} 条记录`
}

/** Queries compare by content: every block request builds a new object for the same view. */
export function sameQuery(a: GridQueryArgs | null, b: GridQueryArgs | null): boolean {
  return a === b || (a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b))
}
