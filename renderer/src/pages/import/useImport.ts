/**
 * The import flow: files → FileRefs (path or upload) → `dataset/import`, with progress from uploads and
 * `import/progress` events, and the last result or error kept for display.
 */
import { useCallback, useEffect, useState } from 'react'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { FileRef, ImportResult } from '../../../../shared/ipc/contract.ts'
import { call } from '../../api/call.ts'
import { toErrorData } from '../../api/errors.ts'
import { filesToRefs } from '../../api/fileRefs.ts'
import { getApi } from '../../api/getApi.ts'
import type { ImportProgressState } from './progressView.ts'

export interface ImportState {
  busy: boolean
  progress: ImportProgressState | null
  result: ImportResult | null
  error: EngineErrorData | null
  importFiles: (files: File[]) => void
  importPaths: (paths: string[]) => void
}

/** `onFinished` runs after every attempt (success or not) so lists of batches/datasets refresh. */
export function useImport(onFinished: () => void): ImportState {
  const api = getApi()
  const [busy, setBusy] = useState(false)
  const [progress, setProgress] = useState<ImportProgressState | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)
  const [error, setError] = useState<EngineErrorData | null>(null)

  useEffect(() => api.on('import/progress', (event) => setProgress({ stage: 'engine', ...event })), [api])

  const run = useCallback(
    async (toRefs: () => Promise<FileRef[]>) => {
      setBusy(true)
      setError(null)
      setResult(null)
      setProgress(null)
      try {
        const files = await toRefs()
        setResult(await call('dataset/import', { files }))
      } catch (caught) {
        setError(toErrorData(caught))
      } finally {
        setBusy(false)
        setProgress(null)
        onFinished()
      }
    },
    [onFinished],
  )

  const importFiles = useCallback(
    (files: File[]) => {
      if (files.length === 0) return
      void run(() => filesToRefs(api, files, (upload) => setProgress({ stage: 'upload', ...upload })))
    },
    [api, run],
  )

  const importPaths = useCallback(
    (paths: string[]) => {
      if (paths.length === 0) return
      void run(async () => paths.map((path) => ({ path })))
    },
    [run],
  )

  return { busy, progress, result, error, importFiles, importPaths }
}
