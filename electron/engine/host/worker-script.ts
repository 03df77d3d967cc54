import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * Where to start a worker thread for a TypeScript module: the esbuild bundle `<name>.cjs` beside the
 * running bundle when there is one (the Electron app), otherwise the tsx shim pointed at the source.
 *
 * @param name bundle name, e.g. 'import-typing-worker' (scripts/build-electron.mjs builds it)
 * @param source the module's source path relative to this folder, e.g. '../import/typing/typing-worker.ts'
 */
export function workerScript(name: string, source: string): { file: string; workerData: { entry?: string } } {
  if (typeof __dirname === 'string') {
    const bundled = path.join(__dirname, `${name}.cjs`)
    if (fs.existsSync(bundled)) return { file: bundled, workerData: {} }
  }
  const here = path.dirname(fileURLToPath(import.meta.url))
  return {
    file: path.join(here, 'ts-worker.mjs'),
    workerData: { entry: pathToFileURL(path.resolve(here, source)).href },
  }
}
