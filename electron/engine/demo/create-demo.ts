/**
 * The demo province in a workspace: generate the exports, store the unit hierarchy, and import the
 * files through the normal import path (one batch per file, undoable like any import). Shared by the
 * `demo/create` channel and `yanpan demo --db`.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { EngineEvents, ImportFileResult } from '../../../shared/ipc/contract.ts'
import { audit } from '../audit/audit-log.ts'
import { importFile } from '../import/run-import.ts'
import type { EngineContext } from '../services/context.ts'
import { saveUnits } from '../units/unit-store.ts'
import { generateDemo, type DemoOptions, type DemoResult } from './generate.ts'
import { MANIFEST_FILE } from './manifest.ts'
import type { ExportFile } from './write-exports.ts'

export type DemoProgress = EngineEvents['demo/progress']

/** Where the demo's exports live for a workspace: `<name>-files/demo`, next to its exports folder. */
export function demoFolder(ctx: Pick<EngineContext, 'exportDir'>): string {
  return path.join(path.dirname(ctx.exportDir), 'demo')
}

/** Generates into `options.out` (cleared of an earlier demo first) and imports into the workspace. */
export async function createDemo(
  ctx: EngineContext,
  options: Omit<DemoOptions, 'onProgress'>,
  onProgress: (progress: DemoProgress) => void = () => {},
): Promise<{ imports: ImportFileResult[]; manifest: string; result: DemoResult }> {
  clearEarlierDemo(options.out)
  const result = await generateDemo({
    ...options,
    onProgress: (done, total) => onProgress({ phase: 'generating', done, total }),
  })
  saveUnits(
    ctx.db,
    result.units.map((u) => ({
      code: u.code,
      name: u.name,
      shortName: u.shortName,
      level: u.level,
      parent: u.parent,
    })),
  )
  const imports = await importDemoFiles(ctx, result.files, onProgress)
  audit(ctx.db, 'demo', result.manifestPath, {
    seed: result.manifest.seed,
    persons: result.manifest.persons,
    from: result.manifest.from,
    to: result.manifest.to,
    batches: imports.map((i) => i.batchId),
  })
  return { imports, manifest: result.manifestPath, result }
}

/**
 * Imports the CSV files (xlsx when only those were written): 审查逮捕 before 一审公诉, years in order,
 * as an analyst would. Progress counts rows over all files.
 */
async function importDemoFiles(
  ctx: EngineContext,
  files: ExportFile[],
  onProgress: (progress: DemoProgress) => void,
): Promise<ImportFileResult[]> {
  const format = files.some((f) => f.format === 'csv') ? 'csv' : 'xlsx'
  const chosen = files
    .filter((f) => f.format === format)
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.year - b.year)
  const total = chosen.reduce((sum, f) => sum + f.rows, 0)
  const imports: ImportFileResult[] = []
  let before = 0
  onProgress({ phase: 'importing', done: 0, total })
  for (const file of chosen) {
    const connection = ctx.importConnection()
    try {
      const name = path.basename(file.path)
      imports.push(
        await importFile(connection.db, file.path, name, (p) =>
          onProgress({ phase: 'importing', done: before + p.rowsRead, total }),
        ),
      )
    } finally {
      connection.release()
    }
    before += file.rows
    onProgress({ phase: 'importing', done: before, total })
  }
  return imports
}

/** Removes the files an earlier demo left (only ours: the exports and the manifest). */
function clearEarlierDemo(dir: string): void {
  if (!fs.existsSync(dir)) return
  for (const name of fs.readdirSync(dir)) {
    if (name === MANIFEST_FILE || /^(审查逮捕|一审公诉)案件0[12]0101表.*\.(csv|xlsx)$/.test(name))
      fs.rmSync(path.join(dir, name), { force: true })
  }
}
