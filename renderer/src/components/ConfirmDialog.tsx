/** Asks before an irreversible-looking action (撤销导入 …). The confirm button has `confirm-ok`. */
import type { ReactNode } from 'react'
import { Dialog } from './Dialog.tsx'

interface ConfirmDialogProps {
  title: string
  children: ReactNode
  confirmLabel?: string
  busy?: boolean
  onConfirm: () => void
  onCancel: () => void
}

export function ConfirmDialog({
  title,
  children,
  confirmLabel = '确定',
  busy,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel} data-testid="confirm-cancel">
            取消
          </button>
          <button
            type="button"
            className="button primary"
            onClick={onConfirm}
            disabled={busy}
            autoFocus
            data-testid="confirm-ok"
          >
            {busy ? '处理中…' : confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  )
}
