import { describe, expect, it, vi } from 'vitest'
import type { IGetRowsParams } from 'ag-grid-community'
import type { ChannelArgs } from '../../../../shared/ipc/contract.ts'
import type { QualityResults } from '../../../../shared/ipc/quality-contract.ts'
import { ApiError } from '../../../../renderer/src/api/errors.ts'
import { createFlagDatasource } from '../../../../renderer/src/pages/quality/flagDatasource.ts'

const hooks = () => ({ onTotal: vi.fn(), onRows: vi.fn(), onError: vi.fn() })

const params = () =>
  ({
    startRow: 200,
    endRow: 400,
    sortModel: [
      { colId: 'lastSeen', sort: 'desc' },
      { colId: 'message', sort: 'asc' },
    ],
    filterModel: {},
    successCallback: vi.fn(),
    failCallback: vi.fn(),
  }) as unknown as IGetRowsParams

describe('createFlagDatasource', () => {
  it('asks flags/page for the block with the filter and the sortable part of the sort', async () => {
    const page: QualityResults['flags/page'] = { rows: [], total: 321 }
    const load = vi.fn(async (_args: ChannelArgs<'flags/page'>) => page)
    const h = hooks()
    const p = params()
    createFlagDatasource({ rules: ['R006'], statuses: ['open'] }, load, h).getRows(p)
    await vi.waitFor(() => expect(p.successCallback).toHaveBeenCalled())
    expect(load).toHaveBeenCalledWith({
      filter: { rules: ['R006'], statuses: ['open'] },
      sort: [{ field: 'lastSeen', dir: 'desc' }],
      startRow: 200,
      endRow: 400,
    })
    expect(p.successCallback).toHaveBeenCalledWith([], 321)
    expect(h.onTotal).toHaveBeenCalledWith(321)
    expect(h.onRows).toHaveBeenCalledWith([])
  })

  it('reports engine errors and fails the block', async () => {
    const load = vi.fn(async () => {
      throw new ApiError({ code: 'INTERNAL', message: '数据质量核查功能正在开发中。' })
    })
    const h = hooks()
    const p = params()
    createFlagDatasource({}, load, h).getRows(p)
    await vi.waitFor(() => expect(p.failCallback).toHaveBeenCalled())
    expect(h.onError).toHaveBeenCalledWith({ code: 'INTERNAL', message: '数据质量核查功能正在开发中。' })
    expect(h.onTotal).not.toHaveBeenCalled()
  })
})
