/**
 * The running import belongs to the app, not to the import page: an analyst who starts a large import
 * and looks at another page meanwhile must find the progress and the outcome when coming back.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { useImport, type ImportState } from './useImport.ts'

interface ImportContextValue {
  importer: ImportState
  /** Bumped after every import or undo so lists of datasets and batches reload. */
  version: number
  refresh: () => void
}

const ImportContext = createContext<ImportContextValue | null>(null)

export function ImportProvider({ children }: { children: ReactNode }) {
  const [version, setVersion] = useState(0)
  const refresh = useCallback(() => setVersion((n) => n + 1), [])
  const importer = useImport(refresh)
  const value = useMemo(() => ({ importer, version, refresh }), [importer, version, refresh])
  return <ImportContext.Provider value={value}>{children}</ImportContext.Provider>
}

export function useImportContext(): ImportContextValue {
  const value = useContext(ImportContext)
  if (!value) throw new Error('useImportContext outside ImportProvider')
  return value
}
