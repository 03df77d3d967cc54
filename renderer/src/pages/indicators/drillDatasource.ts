/**
 * The drill-down grid's datasource: `records/page` over one dataset restricted to the records behind
 * one measure (`scope`), with the grid's own sort and filters on top.
 */
import type { IDatasource, IGetRowsParams } from 'ag-grid-community'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { MeasureScope } from '../../../../shared/ipc/indicator-contract.ts'
import { toErrorData } from '../../api/errors.ts'
import type { LoadPage } from '../dataset/datasource.ts'
import { toFilters, toSort } from '../dataset/gridQuery.ts'

export interface DrillHooks {
  onTotal: (total: number) => void
  onError: (error: EngineErrorData) => void
}

export function createDrillDatasource(
  datasetId: number,
  scope: MeasureScope,
  loadPage: LoadPage,
  hooks: DrillHooks,
): IDatasource {
  return {
    getRows(params: IGetRowsParams) {
      loadPage({
        datasetId,
        scope,
        filters: toFilters(params.filterModel),
        sort: toSort(params.sortModel),
        startRow: params.startRow,
        endRow: params.endRow,
      }).then(
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
