/**
 * manifest.json of a demo province: how it was made, what files it wrote, and its known ground
 * truth — every injected error (record key, rule, changed fields) and every injected anomaly (unit,
 * indicator, period, kind) — so rule and anomaly detection can be measured against it.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Anomaly } from './anomalies.ts'
import type { InjectedError } from './errors.ts'
import type { DemoRates } from './tally.ts'
import type { ExportFile } from './write-exports.ts'

export const MANIFEST_FILE = 'manifest.json'

export interface DemoManifest {
  version: 1
  seed: number
  /** Suspects entering the system in the window (the --persons option). */
  persons: number
  from: string
  to: string
  /** The day the exports were "pulled": later events are not in them yet. */
  exportDate: string
  errorRate: number
  files: (Omit<ExportFile, 'path'> & { file: string })[]
  counts: {
    /** Distinct 嫌疑人编号 in the exports (some entered before the window and show only in 020101). */
    suspects: number
    rows: { '010101': number; '020101': number }
    units: number
  }
  rates: DemoRates
  /** Rule ids: R### rules.md §4.1, S# §4.2, F## §4.3 item ##. */
  errors: InjectedError[]
  anomalies: Anomaly[]
}

/** Writes the manifest, one error per line so it stays readable at a million suspects. */
export function writeManifest(dir: string, manifest: DemoManifest): string {
  const file = path.join(dir, MANIFEST_FILE)
  const { errors, ...rest } = manifest
  const head = JSON.stringify(rest, null, 1).slice(0, -2)
  const body = errors.map((e) => JSON.stringify(e)).join(',\n')
  fs.writeFileSync(file, `${head},\n"errors":[\n${body}\n]}\n`)
  return file
}

export function readManifest(dir: string): DemoManifest {
  return JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as DemoManifest
}
