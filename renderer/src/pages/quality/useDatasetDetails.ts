/**
 * Every dataset's field metadata, for the flag grid (cell types: 是/否, 、-joined sets; field order in
 * the side panel) and the rule editor (field names to insert). Workspaces hold a handful of datasets,
 * so all details are loaded; a dataset that fails to load just falls back to untyped display.
 */
import { useEffect, useMemo, useState } from 'react'
import type { FieldType } from '../../../../shared/domain/fields.ts'
import type { DatasetDetail } from '../../../../shared/ipc/contract.ts'
import { call } from '../../api/call.ts'
import { useApiData } from '../../api/useApiData.ts'
import type { FieldTypeLookup } from './flagColumns.ts'

export interface DatasetDetails {
  details: ReadonlyMap<number, DatasetDetail>
  typeOf: FieldTypeLookup
}

export function useDatasetDetails(refreshKey: unknown = 0): DatasetDetails {
  const list = useApiData('dataset/list', {}, refreshKey)
  const [details, setDetails] = useState<ReadonlyMap<number, DatasetDetail>>(new Map())

  useEffect(() => {
    if (!list.data) return
    let current = true
    Promise.all(
      list.data.map((dataset) => call('dataset/get', { datasetId: dataset.id }).catch(() => null)),
    ).then((loaded) => {
      if (!current) return
      setDetails(new Map(loaded.filter((d): d is DatasetDetail => d !== null).map((d) => [d.id, d])))
    })
    return () => {
      current = false
    }
  }, [list.data])

  const typeOf = useMemo<FieldTypeLookup>(() => {
    const types = new Map<number, Map<string, FieldType>>()
    for (const [id, detail] of details) types.set(id, new Map(detail.fields.map((f) => [f.name, f.type])))
    return (datasetId, field) => types.get(datasetId)?.get(field)
  }, [details])

  return { details, typeOf }
}
