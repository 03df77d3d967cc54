/**
 * Turns a name the renderer suggests ("审查逮捕_2024年1-6月") into a safe default for the save dialog:
 * no directories, no characters Windows forbids, no reserved device names, and the export's real
 * extension, so the dialog opens on a sensible name and a crafted one cannot point elsewhere.
 */
const MAX_STEM_LENGTH = 100
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i

export function sanitizeFileName(suggested: unknown, extension: string, fallback = '导出'): string {
  const ext = `.${extension.toLowerCase()}`
  let stem = typeof suggested === 'string' ? suggested.normalize('NFC') : ''
  stem = stem.replace(FORBIDDEN, '_')
  if (stem.toLowerCase().endsWith(ext)) stem = stem.slice(0, -ext.length)
  // Leading dots hide files (and spell ".."); trailing dots and spaces are dropped by Windows.
  stem = stem.replace(/^[\s.]+|[\s.]+$/g, '')
  stem = Array.from(stem).slice(0, MAX_STEM_LENGTH).join('').trim()
  if (WINDOWS_RESERVED.test(stem.split('.')[0] ?? '')) stem = `_${stem}`
  if (stem.replace(/_/g, '') === '') stem = fallback
  return stem + ext
}
