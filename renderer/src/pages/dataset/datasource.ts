/**
 * The infinite row model's datasource: each block request becomes a `records/page` call with the
 * grid's current sort and filters. The query is reported so the toolbar can export exactly this view.
 */
import type { IDatasource, IGetRowsParams } from 'ag-grid-community'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { ChannelArgs, RecordPage } from '../../../../shared/ipc/contract.ts'
import { toErrorData } from '../../api/errors.ts'
import { toFilters, toSort } from './gridQuery.ts'
import type { GridQueryArgs } from './gridQuery.ts'

export interface DatasourceHooks {
  /** Rows matching the current query, after each successful block. */
  onTotal: (total: number) => void
  onError: (error: EngineErrorData) => void
  onQuery: (query: GridQueryArgs) => void
}

export type LoadPage = (args: ChannelArgs<'records/page'>) => Promise<RecordPage>

export function createDatasource(datasetId: number, loadPage: LoadPage, hooks: DatasourceHooks): IDatasource {
  return {
    getRows(params: IGetRowsParams) {
      const query: GridQueryArgs = {
        datasetId,
        filters: toFilters(params.filterModel),
        sort: toSort(params.sortModel),
      }
      hooks.onQuery(query)
      loadPage({ ...query, startRow: params.startRow, endRow: params.endRow }).then(
        (page) => {
          hooks.onTotal(page.total)
          params.successCallback(page.rows, page.total)
        },
        (caught: unknown) => {
          hooks.onError(toErrorData(caught))
          params.failCallback()
        },
      )
    },
  }
}
