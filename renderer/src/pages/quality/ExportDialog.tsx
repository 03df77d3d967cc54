/**
 * 导出清单: the flags of the current filter as an Excel workbook, in one sheet or one sheet per unit or
 * per prosecutor; the engine writes it, then the analyst chooses where to save it.
 */
import { useState } from 'react'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { FlagFilter } from '../../../../shared/ipc/quality-contract.ts'
import { call, unwrap } from '../../api/call.ts'
import { toErrorData } from '../../api/errors.ts'
import { getApi } from '../../api/getApi.ts'
import { Dialog } from '../../components/Dialog.tsx'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { exportNotice, SPLIT_OPTIONS } from './qualityText.ts'
import type { SplitBy } from './qualityText.ts'

interface ExportDialogProps {
  filter: FlagFilter
  filtered: boolean
  onDone: (notice: string) => void
  onClose: () => void
}

export function ExportDialog({ filter, filtered, onDone, onClose }: ExportDialogProps) {
  const [splitBy, setSplitBy] = useState<SplitBy>('none')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<EngineErrorData | null>(null)

  const exportFlags = async () => {
    setBusy(true)
    setError(null)
    try {
      const written = await call('flags/exportXlsx', { filter, splitBy })
      const saved = unwrap(await getApi().saveExport(written.file, written.name))
      if (saved.saved) onDone(exportNotice(written.rows, written.name))
      onClose()
    } catch (caught) {
      setError(toErrorData(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      title="导出疑点清单"
      onClose={onClose}
      testId="export-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            取消
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => void exportFlags()}
            data-testid="export-confirm"
          >
            {busy ? '正在导出…' : '导出 Excel'}
          </button>
        </>
      }
    >
      <p>{filtered ? '导出当前筛选出的疑点，冲突字段以红色标出。' : '导出全部疑点，冲突字段以红色标出。'}</p>
      <fieldset className="radio-group">
        <legend>工作表</legend>
        {SPLIT_OPTIONS.map((option) => (
          <label key={option.value}>
            <input
              type="radio"
              name="split-by"
              value={option.value}
              checked={splitBy === option.value}
              onChange={() => setSplitBy(option.value)}
              data-testid={`export-split-${option.value}`}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={error} />
    </Dialog>
  )
}
