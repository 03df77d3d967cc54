/**
 * The single list of what the UI may ask the engine. Each channel has a zod schema for its argument
 * (validated at every transport boundary: never trust the renderer) and a result type.
 * Add a channel here, implement it in electron/engine/services, and every transport has it.
 */
import { z } from 'zod'
import type { DatasetKind, FieldDefinition } from '../domain/fields.ts'
import { anomalyChannels, type AnomalyResults } from './anomaly-contract.ts'
import { indicatorChannels, measureScope, type IndicatorResults } from './indicator-contract.ts'
import { qualityChannels, type QualityResults } from './quality-contract.ts'
import { reportChannels, type ReportProgress, type ReportResults } from './report-contract.ts'

const id = z.number().int().positive()

/** A file to import: a local path (Electron, CLI) or an id returned by the browser bridge's upload. */
export const fileRef = z.union([
  z.object({ path: z.string().min(1).max(4096) }),
  z.object({ upload: z.string().regex(/^[a-f0-9]{32}$/), name: z.string().min(1).max(255) }),
])
export type FileRef = z.infer<typeof fileRef>

/** One condition of an ag-grid column filter (text, number or date), mapped to SQL with bound values. */
const filterCondition = z.object({
  filterType: z.enum(['text', 'number', 'date']),
  type: z.enum([
    'equals',
    'notEqual',
    'contains',
    'notContains',
    'startsWith',
    'endsWith',
    'blank',
    'notBlank',
    'lessThan',
    'lessThanOrEqual',
    'greaterThan',
    'greaterThanOrEqual',
    'inRange',
  ]),
  filter: z.union([z.string().max(1000), z.number()]).nullish(),
  filterTo: z.union([z.string().max(1000), z.number()]).nullish(),
  dateFrom: z.string().max(32).nullish(),
  dateTo: z.string().max(32).nullish(),
})
const columnFilter = z.union([
  filterCondition,
  z.object({
    filterType: z.enum(['text', 'number', 'date']),
    operator: z.enum(['AND', 'OR']),
    conditions: z.array(filterCondition).max(4),
  }),
])
export const gridQuery = z.object({
  datasetId: id,
  /** ag-grid filter model keyed by field name. */
  filters: z.record(z.string().max(200), columnFilter).default({}),
  sort: z
    .array(z.object({ field: z.string().max(200), dir: z.enum(['asc', 'desc']) }))
    .max(5)
    .default([]),
  /** Drill-down: only the records behind one measure of an indicator for a unit and period. */
  scope: measureScope.optional(),
})
export type GridQuery = z.infer<typeof gridQuery>
export type ColumnFilter = z.infer<typeof columnFilter>
export type FilterCondition = z.infer<typeof filterCondition>

/** A calendar month, 'YYYY-MM'. */
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)

export const channels = {
  'app/info': z.object({}).default({}),
  /** Records that the first-start offer of the demo province was answered. */
  'app/demoOffered': z.object({}).default({}),
  'dataset/list': z.object({}).default({}),
  'dataset/get': z.object({ datasetId: id }),
  'dataset/delete': z.object({ datasetId: id }),
  'dataset/import': z.object({ files: z.array(fileRef).min(1).max(50) }),
  'import/batches': z.object({ datasetId: id.optional() }).default({}),
  'import/errors': z.object({
    batchId: id,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  }),
  'import/undo': z.object({ batchId: id }),
  'records/page': gridQuery.extend({
    startRow: z.number().int().min(0),
    endRow: z.number().int().min(1),
  }),
  'records/get': z.object({ datasetId: id, recordId: id }),
  'records/exportCsv': gridQuery.extend({ fields: z.array(z.string().max(200)).max(500).optional() }),
  'audit/list': z.object({ limit: z.number().int().min(1).max(1000).default(200) }).default({ limit: 200 }),
  /** Generates the demo province (exports next to the workspace) and imports it. */
  'demo/create': z
    .object({
      persons: z.number().int().min(100).max(2_000_000).default(20_000),
      from: month.optional(),
      to: month.optional(),
      seed: z.number().int().min(0).max(0xffffffff).optional(),
    })
    .refine((a) => a.from === undefined || a.to === undefined || a.from <= a.to, { path: ['from'] })
    .default({ persons: 20_000 }),
  'units/list': z.object({}).default({}),
  ...qualityChannels,
  ...indicatorChannels,
  ...anomalyChannels,
  ...reportChannels,
} as const

export type Channel = keyof typeof channels
export type ChannelArgs<C extends Channel> = z.input<(typeof channels)[C]>
export type ParsedArgs<C extends Channel> = z.output<(typeof channels)[C]>

export interface AppInfo {
  version: string
  dbPath: string
  mode: 'electron' | 'browser' | 'cli'
  /** First start of `npm start` on an empty workspace: the UI offers (and by default creates) the demo. */
  offerDemo: boolean
}

export interface DatasetSummary {
  id: number
  name: string
  kind: DatasetKind
  records: number
  fieldCount: number
  batches: number
  updatedAt: string
}

export interface DatasetField extends FieldDefinition {
  /** Column name inside the dataset's records table (c1, c2 …): never shown to the analyst. */
  column: string
  position: number
  isKey: boolean
}

export interface DatasetDetail extends DatasetSummary {
  fields: DatasetField[]
  keyFields: string[]
}

export interface ImportIssue {
  row: number | null
  column: string | null
  message: string
}

/** One file's import, in the shape the CLI's `--json` prints. */
export interface ImportFileResult {
  file: string
  dataset: string
  datasetId: number
  batchId: number
  kind: DatasetKind
  rows: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  errors: ImportIssue[]
  /** Counts of what header detection and row filtering did (title rows, 合计 rows, blank rows …). */
  notes: string[]
}

export interface ImportResult {
  imports: ImportFileResult[]
}

export interface BatchSummary {
  id: number
  datasetId: number
  dataset: string
  kind: DatasetKind
  file: string
  format: string
  encoding: string | null
  importedAt: string
  status: 'committed' | 'undone'
  rows: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  errors: number
  undoable: boolean
  notes: string[]
}

export interface RecordRow {
  _id: number
  /** Cells whose stored value differs from the text in the file: field name → original text. */
  _raw?: Record<string, string>
  [field: string]: unknown
}

export interface RecordPage {
  rows: RecordRow[]
  /** Total number of rows matching the query (ag-grid's lastRow). */
  total: number
}

/** A procuratorate of the 省院 → 市院 → 基层院 hierarchy. */
export interface UnitSummary {
  /** Six-digit 单位编码 (GB/T 2260 code of its division), as in 部门受案号. */
  code: string
  /** 南京市玄武区人民检察院 */
  name: string
  /** 院简称 of its case numbers (玄检), when known. */
  shortName: string | null
  level: 'province' | 'city' | 'county'
  /** Code of the 上级院; null for the 省院. */
  parent: string | null
}

export interface AuditEntry {
  id: number
  at: string
  action: string
  object: string
  detail: unknown
}

export interface ChannelResults extends QualityResults, IndicatorResults, AnomalyResults, ReportResults {
  'app/info': AppInfo
  'app/demoOffered': { demoOffered: true }
  'dataset/list': DatasetSummary[]
  'dataset/get': DatasetDetail
  'dataset/delete': { datasetId: number; records: number }
  'dataset/import': ImportResult
  'import/batches': BatchSummary[]
  'import/errors': { total: number; items: ImportIssue[] }
  'import/undo': { batchId: number; removed: number; restored: number }
  'records/page': RecordPage
  'records/get': RecordRow
  'records/exportCsv': { file: string; name: string; rows: number }
  'audit/list': AuditEntry[]
  /** One import per generated CSV file; `manifest` is the path of manifest.json (the ground truth). */
  'demo/create': { imports: ImportFileResult[]; manifest: string }
  'units/list': UnitSummary[]
}

/** Events the engine pushes to the UI. */
export interface EngineEvents {
  'import/progress': {
    file: string
    phase: 'reading' | 'writing' | 'done'
    rowsRead: number
    bytesRead: number
    totalBytes: number
  }
  /** demo/create: suspects generated, then rows imported, out of the total of the phase. */
  'demo/progress': {
    phase: 'generating' | 'importing'
    done: number
    total: number
  }
  /** report/build and report/export: computing figures, composing, drawing charts, writing the .docx. */
  'report/progress': ReportProgress
}
export type EventName = keyof EngineEvents

/** Validates a channel's argument; throws a ZodError on bad input. */
export function parseArgs<C extends Channel>(channel: C, args: unknown): ParsedArgs<C> {
  return channels[channel].parse(args ?? {}) as ParsedArgs<C>
}

export const isChannel = (name: string): name is Channel => Object.hasOwn(channels, name)
