/** One import problem as a line: `第12行「审结日期」无法识别的日期`. Missing parts are left out. */
import type { ImportIssue } from '../../../shared/ipc/contract.ts'

export function formatIssue(issue: ImportIssue): string {
  const row = issue.row != null ? `第${issue.row}行` : ''
  const column = issue.column ? `「${issue.column}」` : ''
  return `${row}${column}${issue.message}`
}
