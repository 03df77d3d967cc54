/** Audit entries as table text. Known action codes get Chinese names; unknown ones show as stored. */
const ACTION_NAMES: Record<string, string> = {
  'dataset/import': '导入数据',
  'import/undo': '撤销导入',
  'records/exportCsv': '导出 CSV',
  import: '导入数据',
  undo: '撤销导入',
  export: '导出数据',
}

export const actionName = (action: string): string => ACTION_NAMES[action] ?? action

/** A compact one-line detail: strings as is, objects as `键: 值` pairs, cut to keep rows one line. */
export function detailText(detail: unknown, max = 160): string {
  let text: string
  if (detail == null) text = ''
  else if (typeof detail === 'string') text = detail
  else if (typeof detail === 'object' && !Array.isArray(detail)) {
    text = Object.entries(detail as Record<string, unknown>)
      .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
      .join('；')
  } else text = JSON.stringify(detail)
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
