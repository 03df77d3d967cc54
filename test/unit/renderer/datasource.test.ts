import { describe, expect, it, vi } from 'vitest'
import type { IGetRowsParams } from 'ag-grid-community'
import type { ChannelArgs, RecordPage } from '../../../shared/ipc/contract.ts'
import { ApiError } from '../../../renderer/src/api/errors.ts'
import { createDatasource } from '../../../renderer/src/pages/dataset/datasource.ts'

const hooks = () => ({ onTotal: vi.fn(), onError: vi.fn(), onQuery: vi.fn() })

const params = (overrides: Partial<IGetRowsParams> = {}) =>
  ({
    startRow: 200,
    endRow: 400,
    sortModel: [{ colId: '受理日期', sort: 'desc' }],
    filterModel: { 案由: { filterType: 'text', type: 'contains', filter: '盗窃' } },
    successCallback: vi.fn(),
    failCallback: vi.fn(),
    ...overrides,
  }) as unknown as IGetRowsParams

describe('createDatasource', () => {
  it('asks records/page for the block with the sort and filters, and hands rows and total to the grid', async () => {
    const page: RecordPage = { rows: [{ _id: 7 }], total: 1234 }
    const load = vi.fn(async (_args: ChannelArgs<'records/page'>) => page)
    const h = hooks()
    const p = params()
    createDatasource(3, load, h).getRows(p)
    await vi.waitFor(() => expect(p.successCallback).toHaveBeenCalled())
    expect(load).toHaveBeenCalledWith({
      datasetId: 3,
      startRow: 200,
      endRow: 400,
      sort: [{ field: '受理日期', dir: 'desc' }],
      filters: { 案由: { filterType: 'text', type: 'contains', filter: '盗窃' } },
    })
    expect(p.successCallback).toHaveBeenCalledWith(page.rows, 1234)
    expect(h.onTotal).toHaveBeenCalledWith(1234)
    expect(h.onQuery).toHaveBeenCalledWith({
      datasetId: 3,
      sort: [{ field: '受理日期', dir: 'desc' }],
      filters: { 案由: { filterType: 'text', type: 'contains', filter: '盗窃' } },
    })
  })

  it('reports engine errors and tells the grid the block failed', async () => {
    const load = vi.fn(async () => {
      throw new ApiError({ code: 'BAD_ARGUMENT', message: '筛选条件无效' })
    })
    const h = hooks()
    const p = params()
    createDatasource(3, load, h).getRows(p)
    await vi.waitFor(() => expect(p.failCallback).toHaveBeenCalled())
    expect(h.onError).toHaveBeenCalledWith({ code: 'BAD_ARGUMENT', message: '筛选条件无效' })
    expect(p.successCallback).not.toHaveBeenCalled()
  })
})
