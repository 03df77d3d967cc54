import fs from 'node:fs'
import path from 'node:path'
import type { Channel, ChannelResults, FileRef, ParsedArgs } from '../../../shared/ipc/contract.ts'
import { listAudit } from '../audit/audit-log.ts'
import { getDataset, listDatasets } from '../datasets/dataset-store.ts'
import { deleteDataset } from '../datasets/delete-dataset.ts'
import { createDemo, demoFolder } from '../demo/create-demo.ts'
import { EngineError } from '../errors.ts'
import { batchErrors, listBatches } from '../import/batches.ts'
import { importFile } from '../import/run-import.ts'
import { undoImport } from '../import/undo.ts'
import { exportCsv } from '../records/export-csv.ts'
import { getRecord, pageRecords } from '../records/page.ts'
import { listUnits } from '../units/unit-store.ts'
import { getSetting, setSetting } from '../settings/settings-store.ts'
import type { EngineContext } from './context.ts'
import { qualityHandlers } from '../quality/handlers.ts'
import { indicatorHandlers } from '../indicators/handlers.ts'
import { anomalyHandlers } from '../anomalies/handlers.ts'
import { reportHandlers } from '../reports/handlers.ts'
import { prewarmIndicators } from '../indicators/prewarm.ts'
import packageJson from '../../../package.json' with { type: 'json' }

type Handlers = {
  [C in Channel]: (ctx: EngineContext, args: ParsedArgs<C>) => ChannelResults[C] | Promise<ChannelResults[C]>
}

/** The engine's service functions, one per channel of shared/ipc/contract.ts. */
export const handlers: Handlers = {
  'app/info': (ctx) => ({
    version: packageJson.version,
    dbPath: ctx.dbPath,
    mode: ctx.mode,
    offerDemo: ctx.offerDemo && !getSetting(ctx.db, 'demoOffered') && listDatasets(ctx.db).length === 0,
  }),
  'app/demoOffered': (ctx) => {
    setSetting(ctx.db, 'demoOffered', true)
    return { demoOffered: true }
  },
  'dataset/list': (ctx) => listDatasets(ctx.db),
  'dataset/get': (ctx, args) => getDataset(ctx.db, args.datasetId),
  'dataset/delete': (ctx, args) => deleteDataset(ctx.db, args.datasetId),
  'dataset/import': async (ctx, args) => {
    const imports = []
    for (const ref of args.files) {
      const { file, name, temporary } = resolveFile(ctx, ref)
      const connection = ctx.importConnection()
      try {
        imports.push(await importFile(connection.db, file, name, (p) => ctx.emit('import/progress', p)))
      } finally {
        connection.release()
        if (temporary) fs.rmSync(file, { force: true })
      }
    }
    prewarmIndicators(ctx)
    return { imports }
  },
  'import/batches': (ctx, args) => listBatches(ctx.db, args.datasetId),
  'import/errors': (ctx, args) => batchErrors(ctx.db, args.batchId, args.offset, args.limit),
  'import/undo': (ctx, args) => {
    const undone = undoImport(ctx.db, args.batchId)
    prewarmIndicators(ctx)
    return undone
  },
  'records/page': (ctx, args) => pageRecords(ctx.db, args),
  'records/get': (ctx, args) => getRecord(ctx.db, args.datasetId, args.recordId),
  'records/exportCsv': (ctx, args) => exportCsv(ctx.db, ctx.exportDir, args),
  'audit/list': (ctx, args) => listAudit(ctx.db, args.limit),
  'demo/create': async (ctx, args) => {
    const { imports, manifest } = await createDemo(ctx, { ...args, out: demoFolder(ctx) }, (p) =>
      ctx.emit('demo/progress', p),
    )
    prewarmIndicators(ctx)
    return { imports, manifest }
  },
  'units/list': (ctx) => listUnits(ctx.db),
  ...qualityHandlers,
  ...indicatorHandlers,
  ...anomalyHandlers,
  ...reportHandlers,
}

/** A path (Electron, CLI) or a browser upload id (a file the bridge saved into the upload folder). */
function resolveFile(ctx: EngineContext, ref: FileRef): { file: string; name: string; temporary: boolean } {
  if ('path' in ref) return { file: ref.path, name: path.basename(ref.path), temporary: false }
  const file = path.join(ctx.uploadDir, ref.upload)
  if (!fs.existsSync(file))
    throw new EngineError('NOT_FOUND', `上传的文件「${ref.name}」已失效，请重新选择文件。`)
  return { file, name: path.basename(ref.name), temporary: true }
}
