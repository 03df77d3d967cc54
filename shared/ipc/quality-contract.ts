/**
 * Channels of the data-quality review (数据质量核查): rules, runs, flags, statuses, whitelist, exports.
 * Spread into `channels` in contract.ts; result types are in QualityResults.
 */
import { z } from 'zod'
import type { Rule, FlagStatus, Severity } from '../quality/rule.ts'

const ruleId = z.string().regex(/^[A-Z][A-Z0-9_-]{1,31}$/)
const fieldName = z.string().min(1).max(200)

export const ruleSchema = z.object({
  id: ruleId,
  name: z.string().min(1).max(200),
  description: z.string().max(4000).default(''),
  kinds: z.array(z.enum(['010101', '020101', 'generic'])).min(1),
  severity: z.enum(['error', 'warning']),
  form: z.discriminatedUnion('type', [
    z.object({ type: z.literal('row'), condition: z.string().min(1).max(4000) }),
    z.object({ type: z.literal('duplicate'), fields: z.array(fieldName).max(10).optional() }),
    z.object({
      type: z.literal('case'),
      groupBy: fieldName.optional(),
      condition: z.string().min(1).max(4000),
    }),
    z.object({
      type: z.literal('crossStage'),
      condition: z.string().min(1).max(4000),
      flag: z.enum(['010101', '020101']).optional(),
    }),
  ]),
  message: z.string().max(1000),
  fields: z.array(fieldName).max(50),
  optionalFields: z.array(fieldName).max(50).optional(),
  parameters: z
    .array(
      z.object({
        name: z.string().min(1).max(50),
        label: z.string().max(100),
        type: z.enum(['number', 'text', 'date']),
        value: z.union([z.number(), z.string().max(200)]),
        unit: z.string().max(20).optional(),
      }),
    )
    .max(20),
  enabled: z.boolean(),
  source: z.enum(['library', 'user']),
})

const flagStatus = z.enum(['open', 'confirmed', 'rectified', 'falsePositive'])

/** Which flags a grid, a bulk action or an export is about. */
export const flagFilter = z.object({
  rules: z.array(ruleId).max(200).optional(),
  units: z.array(z.string().max(20)).max(500).optional(),
  prosecutors: z.array(z.string().max(50)).max(500).optional(),
  statuses: z.array(flagStatus).max(4).optional(),
  severities: z
    .array(z.enum(['error', 'warning']))
    .max(2)
    .optional(),
  datasetId: z.number().int().positive().optional(),
  /** Free text matched against 部门受案号, 嫌疑人编号, 嫌疑人姓名 and the message. */
  search: z.string().max(200).optional(),
})
export type FlagFilter = z.infer<typeof flagFilter>

export const qualityChannels = {
  'rules/list': z.object({}).default({}),
  'rules/validate': z.object({ rule: ruleSchema }),
  'rules/preview': z.object({ rule: ruleSchema, limit: z.number().int().min(1).max(200).default(50) }),
  'rules/save': z.object({ rule: ruleSchema }),
  'rules/delete': z.object({ id: ruleId }),
  'rules/setEnabled': z.object({ id: ruleId, enabled: z.boolean() }),
  'rules/setParameter': z.object({
    id: ruleId,
    name: z.string().min(1).max(50),
    value: z.union([z.number(), z.string().max(200)]),
  }),
  'flags/run': z.object({ rules: z.array(ruleId).max(200).optional() }).default({}),
  'flags/page': z.object({
    filter: flagFilter.default({}),
    sort: z
      .array(
        z.object({
          field: z.enum([
            'rule',
            'unit',
            'prosecutor',
            'status',
            'severity',
            'firstSeen',
            'lastSeen',
            'caseNumber',
          ]),
          dir: z.enum(['asc', 'desc']),
        }),
      )
      .max(3)
      .default([]),
    startRow: z.number().int().min(0),
    endRow: z.number().int().min(1),
  }),
  'flags/stats': z.object({ filter: flagFilter.default({}) }).default({ filter: {} }),
  'flags/update': z.object({
    /** Either explicit flag ids or every flag matching a filter (bulk). */
    ids: z.array(z.number().int().positive()).max(100_000).optional(),
    filter: flagFilter.optional(),
    status: flagStatus,
    reviewer: z.string().min(1).max(50),
    note: z.string().max(2000).optional(),
  }),
  'whitelist/add': z.object({
    flagIds: z.array(z.number().int().positive()).min(1).max(100_000),
    reviewer: z.string().min(1).max(50),
    note: z.string().max(2000).optional(),
  }),
  'whitelist/list': z.object({}).default({}),
  'whitelist/remove': z.object({ ids: z.array(z.number().int().positive()).min(1).max(100_000) }),
  'flags/exportXlsx': z.object({
    filter: flagFilter.default({}),
    splitBy: z.enum(['none', 'unit', 'prosecutor']).default('none'),
  }),
} as const

export interface RuleSummary extends Rule {
  /** Null when the rule compiles; otherwise why it cannot run (Chinese). */
  problem: string | null
  hits: Record<FlagStatus, number>
}

export interface RunSummary {
  /** Rules that ran on at least one dataset. */
  rules: number
  /** Current records in the datasets those rules apply to. */
  records: number
  /** Records actually evaluated: all of them on a first or full run, those a re-import touched after. */
  rechecked?: number
  /** Flags to act on (待核查 + 已确认) of the rules that ran, after the run. */
  flags: number
  newFlags: number
  rectified: number
  /** Rules that did not run, and why (missing fields, does not compile …). */
  skipped: { rule: string; reason: string }[]
  ms: number
}

export interface FlagRow {
  id: number
  rule: string
  ruleName: string
  severity: Severity
  status: FlagStatus
  datasetId: number
  recordId: number
  key: { 部门受案号: string | null; 嫌疑人编号: string | null }
  unit: string | null
  prosecutor: string | null
  message: string
  /** Conflicting fields, to highlight. */
  fields: string[]
  firstSeen: string
  lastSeen: string
  rectifiedAt: string | null
  reviewer: string | null
  reviewedAt: string | null
  note: string | null
  /** The flagged record's fields (by name), for the grid. */
  record: Record<string, unknown>
}

export interface FlagCounts {
  open: number
  confirmed: number
  rectified: number
  falsePositive: number
  total: number
}

export interface QualityResults {
  'rules/list': RuleSummary[]
  'rules/validate': { ok: boolean; errors: { message: string; offset?: number; length?: number }[] }
  'rules/preview': { hits: number; sample: FlagRow[]; problem: string | null }
  'rules/save': RuleSummary
  'rules/delete': { id: string }
  'rules/setEnabled': RuleSummary
  'rules/setParameter': RuleSummary
  'flags/run': RunSummary
  'flags/page': { rows: FlagRow[]; total: number }
  'flags/stats': {
    byRule: ({ rule: string; name: string; severity: Severity } & FlagCounts)[]
    byUnit: ({ unit: string; unitName: string | null } & FlagCounts)[]
    byProsecutor: ({ prosecutor: string; unit: string | null } & FlagCounts)[]
    totals: FlagCounts
  }
  'flags/update': { updated: number }
  'whitelist/add': { added: number }
  'whitelist/list': {
    id: number
    rule: string
    key: string
    reviewer: string
    note: string | null
    addedAt: string
  }[]
  'whitelist/remove': { removed: number }
  'flags/exportXlsx': { file: string; name: string; rows: number }
}
