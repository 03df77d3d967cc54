/**
 * Browser mode has no file paths, so files are first streamed to the bridge (POST /api/upload) and
 * then imported by the id it returns. XMLHttpRequest rather than fetch: only XHR reports upload progress.
 */
import { TOKEN_HEADER } from '../../../shared/ipc/api.ts'
import type { Envelope } from '../../../shared/ipc/envelope.ts'
import { uploadUrl } from './bridge.ts'
import { envelopeFromText, transportFailure } from './transport.ts'

export interface Uploaded {
  upload: string
  name: string
}

export function uploadFile(
  file: File,
  token: string,
  onProgress?: (loaded: number, total: number) => void,
): Promise<Envelope<Uploaded>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', uploadUrl(file.name))
    xhr.setRequestHeader(TOKEN_HEADER, token)
    xhr.setRequestHeader('Content-Type', 'application/octet-stream')
    xhr.upload.onprogress = (event) =>
      onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size)
    xhr.onload = () => resolve(envelopeFromText(xhr.responseText, xhr.status) as Envelope<Uploaded>)
    xhr.onerror = () => resolve(transportFailure())
    xhr.onabort = () => resolve(transportFailure())
    xhr.send(file)
  })
}
