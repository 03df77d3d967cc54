/**
 * Field metadata of a dataset. Values are stored in SQLite as:
 * - `integer`, `decimal`: numbers; `boolean`: 1 / 0;
 * - `date`: 'YYYY-MM-DD' text (calendar dates, never a Date at midnight: see DESIGN "Dates");
 * - `text`, `code`: text (`code` has a known value set, e.g. 审结处理结果);
 * - `set`: a JSON array of text, for multi-valued fields such as 移送其他案由.
 */
export type FieldType = 'integer' | 'decimal' | 'date' | 'boolean' | 'text' | 'code' | 'set'

/** What a field means to the workbench, beyond its type. */
export type FieldRole =
  | 'caseNumber' // 部门受案号
  | 'suspectId' // 嫌疑人编号
  | 'unitCode' // 承办单位 (derived or given)
  | 'prosecutor' // 承办检察官
  | 'department' // 承办部门
  | 'charge' // 案由 / 罪名
  | 'amount' // 万元 amounts
  | 'attribute'

export interface FieldDefinition {
  /** The header as it appears in the export, e.g. `审结日期`. */
  name: string
  type: FieldType
  role?: FieldRole
  /** Known values (code list), when the export has a closed vocabulary. */
  values?: string[]
  /** `dictionary`: from a known export kind; `inferred`: guessed from the data; `derived`: computed. */
  source?: 'dictionary' | 'inferred' | 'derived'
  description?: string
}

export type DatasetKind = '010101' | '020101' | 'generic'

export const DATASET_KIND_NAMES: Record<DatasetKind, string> = {
  '010101': '审查逮捕（010101）',
  '020101': '一审公诉（020101）',
  generic: '通用数据',
}
