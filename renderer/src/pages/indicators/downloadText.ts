/**
 * Saves text the engine produced (indicator definitions) as a file through the browser's own download:
 * a Blob URL on an <a download>, in Electron and browser mode alike. Nothing leaves the machine.
 */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: revoking at once may cancel the download before the browser has read the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** The MIME type of an export by its file name. */
export const exportMime = (fileName: string) =>
  /\.ya?ml$/i.test(fileName) ? 'application/yaml' : 'application/json'
