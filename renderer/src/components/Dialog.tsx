/**
 * A small in-page modal. Native `window.confirm`/`alert` block the renderer, look foreign next to the
 * rest of the UI and cannot be driven reliably by end-to-end tests, so every dialog is one of these.
 */
import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'

/** Open dialogs, innermost last: Escape closes only the one on top (a panel under it stays open). */
const openDialogs: symbol[] = []

interface DialogProps {
  title: string
  onClose: () => void
  children: ReactNode
  footer?: ReactNode
  wide?: boolean
  testId?: string
}

export function Dialog({ title, onClose, children, footer, wide, testId }: DialogProps) {
  // The latest onClose, read at key time: callers need not keep the callback's identity stable.
  const close = useRef(onClose)
  useEffect(() => {
    close.current = onClose
  })
  useEffect(() => {
    const me = Symbol('dialog')
    openDialogs.push(me)
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && openDialogs[openDialogs.length - 1] === me) close.current()
    }
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
      openDialogs.splice(openDialogs.indexOf(me), 1)
    }
  }, [])

  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => event.target === event.currentTarget && onClose()}
    >
      <div
        className={wide ? 'dialog wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
      >
        <header className="dialog-header">
          <h2>{title}</h2>
          <button type="button" className="icon-button" aria-label="关闭" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer && <footer className="dialog-footer">{footer}</footer>}
      </div>
    </div>
  )
}
