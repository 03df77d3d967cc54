/**
 * A narrative paragraph of the preview. A click turns it into a text box; the edit is kept as an
 * override (it travels with the export) and marked 已修改 with 恢复原文 to go back to the generated
 * text. Line breaks start new paragraphs, as in the Word document.
 */
import { useState } from 'react'
import type { FocusEvent, KeyboardEvent } from 'react'
import type { ParagraphBlock } from '../../../../shared/reports/report-model.ts'
import { MAX_OVERRIDE_LENGTH } from './overrides.ts'
import { paragraphDomId } from './reportView.ts'

interface ReportParagraphProps {
  block: ParagraphBlock
  /** Edits allowed (the template editor's preview is read-only). */
  editable: boolean
  onEdit?: (id: string, text: string, original: string) => void
  onRestore?: (id: string) => void
}

export function ReportParagraph({ block, editable, onEdit, onRestore }: ReportParagraphProps) {
  const [draft, setDraft] = useState<string | null>(null)
  const className = `report-paragraph style-${block.style}${block.edited ? ' edited' : ''}${editable ? ' editable' : ''}`
  const lines = block.text.split(/\r?\n/).filter((line) => line.trim() !== '')

  const commit = () => {
    if (draft === null) return
    if (draft.trim() !== '') onEdit?.(block.id, draft, block.original)
    setDraft(null)
  }
  const cancel = () => setDraft(null)
  const restore = () => {
    setDraft(null)
    onRestore?.(block.id)
  }

  if (draft !== null) {
    // Leaving the box for anything but its own buttons keeps the edit (a click on 导出 included).
    const onBlur = (event: FocusEvent<HTMLTextAreaElement>) => {
      const next = event.relatedTarget as Node | null
      if (next && event.currentTarget.parentElement?.contains(next)) return
      commit()
    }
    const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
      if (event.key === 'Escape') {
        event.preventDefault()
        event.stopPropagation()
        cancel()
      }
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault()
        commit()
      }
    }
    return (
      <div
        className={`${className} editing`}
        id={paragraphDomId(block.id)}
        data-testid={`report-paragraph-${block.id}`}
        data-edited={block.edited}
      >
        <textarea
          className="report-edit-input"
          value={draft}
          maxLength={MAX_OVERRIDE_LENGTH}
          rows={Math.max(3, Math.ceil(draft.length / 38) + 1)}
          autoFocus
          onChange={(event) => setDraft(event.target.value)}
          onBlur={onBlur}
          onKeyDown={onKeyDown}
          aria-label="修改段落文字"
          data-testid="paragraph-edit-input"
        />
        <div className="report-edit-actions">
          <button
            type="button"
            className="button primary small"
            disabled={draft.trim() === ''}
            title={draft.trim() === '' ? '段落不能为空；不需要的段落可在 Word 中删除' : undefined}
            onClick={commit}
            data-testid="paragraph-edit-done"
          >
            完成
          </button>
          <button type="button" className="button small" onClick={cancel}>
            取消
          </button>
          {block.edited && (
            <button type="button" className="button link small" onClick={restore}>
              恢复原文
            </button>
          )}
          <span className="muted small">Ctrl+Enter 完成，Esc 取消</span>
        </div>
      </div>
    )
  }

  const startEditing = () => editable && setDraft(block.text)
  return (
    <div
      className={className}
      id={paragraphDomId(block.id)}
      data-testid={`report-paragraph-${block.id}`}
      data-edited={block.edited}
      role={editable ? 'button' : undefined}
      tabIndex={editable ? 0 : undefined}
      title={editable ? (block.edited ? `已修改。原文：${block.original}` : '点击修改本段文字') : undefined}
      onClick={startEditing}
      onKeyDown={(event) => {
        if (event.target === event.currentTarget && (event.key === 'Enter' || event.key === ' ')) {
          event.preventDefault()
          startEditing()
        }
      }}
    >
      {lines.length === 0 ? <p className="report-line empty">（空段落）</p> : null}
      {lines.map((line, i) => (
        <p key={i} className="report-line">
          {line}
        </p>
      ))}
      {block.edited && (
        <span className="report-edited-mark" data-testid="paragraph-edited">
          已修改
          <button
            type="button"
            className="button link small"
            onClick={(event) => {
              event.stopPropagation()
              restore()
            }}
            data-testid="paragraph-restore"
          >
            恢复原文
          </button>
        </span>
      )}
    </div>
  )
}
