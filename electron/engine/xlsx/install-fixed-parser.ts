/**
 * Puts parse-sax-fixed.cjs in place of exceljs's own lib/utils/parse-sax.js in Node's module cache,
 * before exceljs is loaded (exceljs.ts imports this module first). Under the Electron bundle there
 * is no node_modules to resolve: the build swaps the module itself (scripts/build-electron.mjs).
 */
import fs from 'node:fs'
import Module, { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

interface CompilableModule extends Module {
  filename: string
  loaded: boolean
  paths: string[]
  _compile(code: string, file: string): void
}

function install(): void {
  let original: string
  try {
    original = require.resolve('exceljs/lib/utils/parse-sax.js')
  } catch {
    return
  }
  const cached = require.cache[original]
  if (cached?.exports?.fixedByYanpan) return
  if (cached) {
    // Too late: exceljs already holds the broken parser. Fail loudly rather than corrupt cells.
    throw new Error(
      'exceljs was loaded before electron/engine/xlsx/exceljs.ts: import exceljs through that module',
    )
  }
  // Compiled under exceljs's own path so that its dependencies (saxes, readable-stream) resolve.
  const fixed = new Module(original) as CompilableModule
  fixed.filename = original
  fixed.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(original)
  fixed._compile(fs.readFileSync(require.resolve('./parse-sax-fixed.cjs'), 'utf8'), original)
  fixed.exports.fixedByYanpan = true
  fixed.loaded = true
  require.cache[original] = fixed
}

install()
