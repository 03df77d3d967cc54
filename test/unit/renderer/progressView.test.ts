import { describe, expect, it } from 'vitest'
import { progressView } from '../../../renderer/src/pages/import/progressView.ts'

describe('progressView', () => {
  it('is indeterminate before the first event', () => {
    expect(progressView(null)).toMatchObject({ phase: 'preparing', percent: null })
  })

  it('shows upload progress with the file position', () => {
    const view = progressView({
      stage: 'upload',
      file: 'a.xlsx',
      index: 1,
      count: 3,
      loaded: 512,
      total: 1024,
    })
    expect(view).toMatchObject({
      phase: 'upload',
      title: '上传 a.xlsx（2/3）',
      percent: 50,
      detail: '512 B / 1 KB',
    })
  })

  it('derives the percentage from bytes and names the phase in Chinese', () => {
    const reading = progressView({
      stage: 'engine',
      file: 'b.csv',
      phase: 'reading',
      rowsRead: 12345,
      bytesRead: 250,
      totalBytes: 1000,
    })
    expect(reading).toEqual({
      phase: 'reading',
      title: '读取 b.csv',
      percent: 25,
      detail: '已读取 12,345 行',
    })
    const writing = progressView({
      stage: 'engine',
      file: 'b.csv',
      phase: 'writing',
      rowsRead: 1,
      bytesRead: 0,
      totalBytes: 0,
    })
    expect(writing.title).toBe('写入 b.csv')
    expect(writing.percent).toBeNull()
    const done = progressView({
      stage: 'engine',
      file: 'b.csv',
      phase: 'done',
      rowsRead: 1,
      bytesRead: 0,
      totalBytes: 0,
    })
    expect(done.percent).toBe(100)
  })
})
