/**
 * Turns dropped or picked `File`s into the `FileRef`s `dataset/import` takes: a local path in Electron,
 * an upload id in browser mode (uploaded one after another so progress is meaningful).
 */
import type { YanpanApi } from '../../../shared/ipc/api.ts'
import type { FileRef } from '../../../shared/ipc/contract.ts'
import { readToken } from './bridge.ts'
import { unwrap } from './call.ts'
import { ApiError } from './errors.ts'
import { uploadFile } from './upload.ts'

export interface UploadProgress {
  file: string
  index: number
  count: number
  loaded: number
  total: number
}

export async function filesToRefs(
  api: YanpanApi,
  files: readonly File[],
  onUpload?: (progress: UploadProgress) => void,
): Promise<FileRef[]> {
  const { pathForFile } = api
  if (pathForFile) {
    return files.map((file) => {
      const path = pathForFile(file)
      if (!path) {
        throw new ApiError({
          code: 'BAD_ARGUMENT',
          message: '无法获取该文件的本地路径，请从磁盘选择文件。',
          file: file.name,
        })
      }
      return { path }
    })
  }
  const token = readToken()
  const refs: FileRef[] = []
  for (const [index, file] of files.entries()) {
    const report = (loaded: number, total: number) =>
      onUpload?.({ file: file.name, index, count: files.length, loaded, total })
    report(0, file.size)
    const uploaded = unwrap(await uploadFile(file, token, report))
    refs.push({ upload: uploaded.upload, name: uploaded.name })
  }
  return refs
}
