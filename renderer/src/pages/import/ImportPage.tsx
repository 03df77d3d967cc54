/** 数据导入: drop files, watch progress, see the outcome; below, datasets and the batch history. */
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { Section } from '../../components/Section.tsx'
import { BatchHistory } from './BatchHistory.tsx'
import { DatasetList } from './DatasetList.tsx'
import { DropZone } from './DropZone.tsx'
import { useImportContext } from './ImportContext.tsx'
import { ImportProgress } from './ImportProgress.tsx'
import { ImportResults } from './ImportResults.tsx'

export function ImportPage() {
  const { importer, version, refresh } = useImportContext()
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
