/**
 * The fields of every imported dataset (a workspace holds a handful), for the measures' field pickers
 * and filter chips. A dataset that fails to load has no fields here: its measures fall back to
 * hand-written expressions.
 */
import { useEffect, useState } from 'react'
import type { DatasetField, DatasetSummary } from '../../../../../shared/ipc/contract.ts'
import type { RecordMeasure } from '../../../../../shared/indicators/model.ts'
import { call } from '../../../api/call.ts'

export type FieldsById = ReadonlyMap<number, DatasetField[]>

export function useDatasetFields(datasets: readonly DatasetSummary[]): FieldsById {
  const ids = JSON.stringify(datasets.map((dataset) => dataset.id))
  const [fields, setFields] = useState<FieldsById>(new Map())
  useEffect(() => {
    let current = true
    const list = JSON.parse(ids) as number[]
    Promise.all(list.map((datasetId) => call('dataset/get', { datasetId }).catch(() => null))).then(
      (details) => {
        if (!current) return
        const map = new Map<number, DatasetField[]>()
        for (const detail of details) {
          if (detail)
            map.set(
              detail.id,
              [...detail.fields].sort((a, b) => a.position - b.position),
            )
        }
        setFields(map)
      },
    )
    return () => {
      current = false
    }
  }, [ids])
  return fields
}

/** The dataset a measure reads: the first one of its export kind, or the generic dataset by id. */
export function datasetOf(
  ref: RecordMeasure['dataset'],
  datasets: readonly DatasetSummary[],
): DatasetSummary | undefined {
  return typeof ref === 'number'
    ? datasets.find((dataset) => dataset.id === ref)
    : datasets.find((dataset) => dataset.kind === ref)
}
