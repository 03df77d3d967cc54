/**
 * 导出定义: indicator definitions as JSON or YAML (all, the analyst's own, or the matrix's), saved as a
 * file; another workspace imports them with 导入定义.
 */
import { useState } from 'react'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import { call } from '../../api/call.ts'
import { toErrorData } from '../../api/errors.ts'
import { Dialog } from '../../components/Dialog.tsx'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { downloadText, exportMime } from './downloadText.ts'

type ExportScope = 'all' | 'user' | 'matrix'

interface ExportDefinitionsDialogProps {
  indicators: readonly IndicatorSummary[]
  columns: readonly string[]
  onDone: (notice: string) => void
  onClose: () => void
}

export function ExportDefinitionsDialog({
  indicators,
  columns,
  onDone,
  onClose,
}: ExportDefinitionsDialogProps) {
  const userIds = indicators.filter((i) => i.source === 'user').map((i) => i.id)
  const [scope, setScope] = useState<ExportScope>(userIds.length > 0 ? 'user' : 'all')
  const [format, setFormat] = useState<'json' | 'yaml'>('json')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<EngineErrorData | null>(null)
  // Ids are always listed: without them the engine exports the workspace's own indicators only.
  const ids = scope === 'all' ? indicators.map((i) => i.id) : scope === 'user' ? userIds : [...columns]
  const count = ids.length
  const scopes: { value: ExportScope; label: string }[] = [
    { value: 'all', label: `全部指标（${indicators.length} 个）` },
    { value: 'user', label: `自定义指标（${userIds.length} 个）` },
    { value: 'matrix', label: `矩阵中的指标（${columns.length} 个）` },
  ]

  const exportDefinitions = async () => {
    setBusy(true)
    setError(null)
    try {
      const exported = await call('indicator/export', { ids, format })
      downloadText(exported.text, exported.fileName, exportMime(exported.fileName))
      onDone(`已导出 ${count} 个指标定义：${exported.fileName}`)
      onClose()
    } catch (caught) {
      setError(toErrorData(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      title="导出指标定义"
      onClose={onClose}
      testId="export-indicators-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            取消
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy || count === 0}
            onClick={() => void exportDefinitions()}
            data-testid="export-indicators-confirm"
          >
            {busy ? '正在导出…' : '导出'}
          </button>
        </>
      }
    >
      <fieldset className="radio-group">
        <legend>范围</legend>
        {scopes.map((option) => (
          <label key={option.value}>
            <input
              type="radio"
              name="export-scope"
              checked={scope === option.value}
              onChange={() => setScope(option.value)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <fieldset className="radio-group">
        <legend>格式</legend>
        <label>
          <input
            type="radio"
            name="export-format"
            checked={format === 'json'}
            onChange={() => setFormat('json')}
          />
          JSON
        </label>
        <label>
          <input
            type="radio"
            name="export-format"
            checked={format === 'yaml'}
            onChange={() => setFormat('yaml')}
          />
          YAML
        </label>
      </fieldset>
      <ErrorMessage error={error} />
    </Dialog>
  )
}
