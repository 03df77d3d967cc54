/** 数据导入: drop files, watch progress, see the outcome; below, datasets and the batch history. */
import { useCallback, useState } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { Section } from '../../components/Section.tsx'
import { BatchHistory } from './BatchHistory.tsx'
import { DatasetList } from './DatasetList.tsx'
import { DropZone } from './DropZone.tsx'
import { ImportProgress } from './ImportProgress.tsx'
import { ImportResults } from './ImportResults.tsx'
import { useImport } from './useImport.ts'

export function ImportPage() {
  // Bumped after every import or undo so the lists below reload.
  const [version, setVersion] = useState(0)
  const refresh = useCallback(() => setVersion((n) => n + 1), [])
  const importer = useImport(refresh)

  return (
    <div className="page" data-testid="page-import">
      <h1 className="page-title">数据导入</h1>
      <Section title="导入文件">
        <DropZone disabled={importer.busy} onFiles={importer.importFiles} onPaths={importer.importPaths} />
        {importer.busy && <ImportProgress state={importer.progress} />}
        <ErrorMessage error={importer.error} />
        {importer.result && <ImportResults result={importer.result} />}
      </Section>
      <DatasetList refreshKey={version} />
      <BatchHistory refreshKey={version} onChanged={refresh} />
    </div>
  )
}
