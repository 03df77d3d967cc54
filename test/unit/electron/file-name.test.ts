import { describe, expect, it } from 'vitest'
import { sanitizeFileName } from '../../../electron/main/file-name.ts'

describe('suggested export file names', () => {
  it('keeps a plain Chinese name and adds the real extension', () => {
    expect(sanitizeFileName('审查逮捕_2024年1-6月', 'csv')).toBe('审查逮捕_2024年1-6月.csv')
    expect(sanitizeFileName('审查逮捕.csv', 'csv')).toBe('审查逮捕.csv')
    expect(sanitizeFileName('报告.CSV', 'docx')).toBe('报告.CSV.docx')
  })

  it('strips directories, traversal and characters Windows forbids', () => {
    expect(sanitizeFileName('../../etc/passwd', 'csv')).toBe('_.._etc_passwd.csv')
    expect(sanitizeFileName('C:\\Windows\\x', 'csv')).toBe('C__Windows_x.csv')
    expect(sanitizeFileName('a<b>c:"d"|e?f*\u0000g', 'xlsx')).toBe('a_b_c__d__e_f__g.xlsx')
    expect(sanitizeFileName('...hidden.', 'csv')).toBe('hidden.csv')
  })

  it('escapes reserved device names and falls back when nothing is left', () => {
    expect(sanitizeFileName('CON', 'csv')).toBe('_CON.csv')
    expect(sanitizeFileName('nul.txt', 'csv')).toBe('_nul.txt.csv')
    expect(sanitizeFileName('', 'csv')).toBe('导出.csv')
    expect(sanitizeFileName('///', 'csv')).toBe('导出.csv')
    expect(sanitizeFileName(42, 'docx')).toBe('导出.docx')
  })

  it('limits the length', () => {
    expect(Array.from(sanitizeFileName('案'.repeat(300), 'csv'))).toHaveLength(104)
  })
})
