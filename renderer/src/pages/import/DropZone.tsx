/**
 * The large drop target plus a 选择文件 button: Electron's native dialog when the preload offers it,
 * else a hidden file input (browser mode).
 */
import { useRef, useState } from 'react'
import type { DragEvent } from 'react'
import { getApi } from '../../api/getApi.ts'

export const IMPORT_ACCEPT = '.xlsx,.xls,.csv,.txt'

interface DropZoneProps {
  disabled: boolean
  onFiles: (files: File[]) => void
  onPaths: (paths: string[]) => void
}

export function DropZone({ disabled, onFiles, onPaths }: DropZoneProps) {
  const api = getApi()
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)

  const onDragOver = (event: DragEvent) => {
    event.preventDefault()
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy'
    if (!disabled) setOver(true)
  }
  const onDragLeave = (event: DragEvent) => {
    // Moving onto a child element fires dragleave too; only a real exit clears the highlight.
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false)
  }
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    if (!disabled) onFiles(Array.from(event.dataTransfer.files))
  }
  const pick = async () => {
    if (api.pickFiles) onPaths(await api.pickFiles())
    else input.current?.click()
  }

  return (
    <div
      className={['drop-zone', over && 'over', disabled && 'disabled'].filter(Boolean).join(' ')}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      data-testid="drop-zone"
      aria-disabled={disabled}
    >
      <div className="drop-icon" aria-hidden="true">
        ⇪
      </div>
      <p className="drop-title">将案卡导出文件拖到此处</p>
      <p className="muted">
        支持 Excel（.xlsx；旧版 .xls 请先另存为 .xlsx）、CSV、TXT，可一次导入多个文件；自动识别 010101
        审查逮捕、020101 一审公诉等导出格式
      </p>
      <button type="button" className="button primary" onClick={() => void pick()} disabled={disabled}>
        选择文件
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        hidden
        data-testid="file-input"
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? [])
          event.currentTarget.value = '' // So choosing the same file again still fires change.
          onFiles(files)
        }}
      />
    </div>
  )
}
