/** A small "正在导入 45%" link in the title bar while an import runs and another page is open. */
import { routeHash } from '../../app/routes.ts'
import { useImportContext } from './ImportContext.tsx'
import { progressView } from './progressView.ts'

export function ImportStatusChip({ onImportPage }: { onImportPage: boolean }) {
  const { importer } = useImportContext()
  if (!importer.busy || onImportPage) return null
  const view = progressView(importer.progress)
  return (
    <a className="status-chip" href={routeHash({ page: 'import' })} data-testid="import-status-chip">
      {view.title}
      {view.percent !== null && ` ${view.percent}%`}
    </a>
  )
}
