/**
 * The flag grid's datasource: each block the infinite row model asks for becomes a `flags/page` call
 * with the page's filter and the grid's sort. Rows are reported so new record fields get columns.
 */
import type { IDatasource, IGetRowsParams } from 'ag-grid-community'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { ChannelArgs } from '../../../../shared/ipc/contract.ts'
import type { FlagFilter, FlagRow, QualityResults } from '../../../../shared/ipc/quality-contract.ts'
import { toErrorData } from '../../api/errors.ts'
import { toFlagSort } from './flagSort.ts'

export interface FlagDatasourceHooks {
  onTotal: (total: number) => void
  onRows: (rows: FlagRow[]) => void
  onError: (error: EngineErrorData) => void
}

export type LoadFlags = (args: ChannelArgs<'flags/page'>) => Promise<QualityResults['flags/page']>

export function createFlagDatasource(
  filter: FlagFilter,
  load: LoadFlags,
  hooks: FlagDatasourceHooks,
): IDatasource {
  return {
    getRows(params: IGetRowsParams) {
      load({
        filter,
        sort: toFlagSort(params.sortModel),
        startRow: params.startRow,
        endRow: params.endRow,
      }).then(
        (page) => {
          hooks.onRows(page.rows)
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
