// Bundles the Electron shell with esbuild into build/electron/:
//   main.cjs           electron/main/main.ts          (main process)
//   preload.cjs        electron/preload/preload.ts    (sandboxed preload)
//   engine-worker.cjs  electron/engine/host/worker.ts (engine worker thread)
//   quality-scan-worker.cjs  electron/engine/quality/scan-worker.ts (scan threads of rule runs)
//   import-typing-worker.cjs  electron/engine/import/typing/typing-worker.ts (typing thread of large imports)
// The renderer is built separately by vite into build/renderer/.
//
// Everything pure-JS (zod, exceljs, papaparse, iconv-lite …) is inlined, so the packaged app needs
// only the native modules from node_modules. Those stay external and load through require():
// better-sqlite3's .node file cannot be bundled, and the one in node_modules is compiled for the
// machine's Node 20 (ABI 115), NOT for Electron. Before packaging, rebuild it for Electron's ABI on
// a machine with internet (`npx electron-builder install-app-deps`, or electron-builder does it
// itself when packaging); on the offline build machines that rebuild silently produces the Node ABI
// again (see ../shared/ENVIRONMENT.md §2). Keep the code path identical for both builds.
//
// Usage: node scripts/build-electron.mjs [--out DIR]   (default build/electron; no --watch: rerun it)
// A DIR inside the clone still finds node_modules for the native modules (test/integration/bundle).
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outAt = process.argv.indexOf('--out')
const outDir = outAt > 0 ? path.resolve(process.argv[outAt + 1]) : path.join(root, 'build', 'electron')

/** Native modules (and Electron itself) are required at run time, never bundled. */
const NATIVE_EXTERNALS = [
  'electron',
  'better-sqlite3',
  'bindings',
  '@duckdb/*',
  '@node-rs/*',
  '@resvg/*',
  '*.node',
]

// In CommonJS output esbuild leaves `import.meta` empty; shared code that asks for import.meta.url
// (to find files beside itself when run from source) gets this file's URL instead.
const importMetaShim = {
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__import_meta_url' },
}

// exceljs's streaming XML reader corrupts multi-byte characters split across zip chunks; bundle our
// fixed copy in its place (electron/engine/xlsx/parse-sax-fixed.cjs). From source the engine swaps it
// in Node's module cache instead (electron/engine/xlsx/install-fixed-parser.ts); that module is left
// out of the bundles, where it has nothing to swap and, run from a clone whose node_modules holds
// exceljs, would look for parse-sax-fixed.cjs beside the bundle and stop the engine from loading.
const fixedParseSax = {
  name: 'exceljs-fixed-parse-sax',
  setup(build) {
    build.onResolve({ filter: /(^|\/)utils\/parse-sax(\.js)?$/ }, (args) =>
      args.importer.includes(`${path.sep}exceljs${path.sep}`)
        ? { path: path.join(root, 'electron', 'engine', 'xlsx', 'parse-sax-fixed.cjs') }
        : undefined,
    )
    build.onResolve({ filter: /\/install-fixed-parser\.ts$/ }, () => ({
      path: 'install-fixed-parser',
      namespace: 'nothing',
    }))
    build.onLoad({ filter: /.*/, namespace: 'nothing' }, () => ({ contents: '', loader: 'js' }))
  },
}

/** @type {import('esbuild').BuildOptions} */
const common = {
  plugins: [fixedParseSax],
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // Sources import with explicit .ts extensions; esbuild resolves those natively.
  resolveExtensions: ['.ts', '.mjs', '.js', '.cjs', '.json'],
}

const entries = [
  {
    name: 'main',
    entry: 'electron/main/main.ts',
    options: { ...importMetaShim, platform: 'node', target: 'node20', external: NATIVE_EXTERNALS },
  },
  {
    // The preload runs sandboxed: it may require only 'electron' (and a few polyfilled modules),
    // no Node built-ins. Building for the browser platform makes any accidental Node import fail
    // here at build time instead of as a blank window on an analyst's machine.
    name: 'preload',
    entry: 'electron/preload/preload.ts',
    // Minified because it is parsed on every page load, and the contract's zod schemas come along
    // with the channel list (the source map keeps it debuggable).
    options: { platform: 'browser', target: 'chrome120', external: ['electron'], minify: true },
  },
  {
    name: 'engine-worker',
    entry: 'electron/engine/host/worker.ts',
    optional: true,
    options: { ...importMetaShim, platform: 'node', target: 'node20', external: NATIVE_EXTERNALS },
  },
  {
    // Scan threads of large data-quality runs (electron/engine/quality/scan-pool.ts).
    name: 'quality-scan-worker',
    entry: 'electron/engine/quality/scan-worker.ts',
    optional: true,
    options: { ...importMetaShim, platform: 'node', target: 'node20', external: NATIVE_EXTERNALS },
  },
  {
    // The typing thread of large imports (electron/engine/import/typing/typing-thread.ts).
    name: 'import-typing-worker',
    entry: 'electron/engine/import/typing/typing-worker.ts',
    optional: true,
    options: { ...importMetaShim, platform: 'node', target: 'node20', external: NATIVE_EXTERNALS },
  },
]

await mkdir(outDir, { recursive: true })
let failed = false
for (const { name, entry, optional, options } of entries) {
  if (!existsSync(path.join(root, entry))) {
    if (!optional) throw new Error(`缺少入口文件 ${entry}`)
    console.warn(`[build-electron] skipped ${name}: ${entry} does not exist yet`)
    continue
  }
  const outfile = path.join(outDir, `${name}.cjs`)
  try {
    const result = await build({
      ...common,
      ...options,
      entryPoints: [path.join(root, entry)],
      outfile,
      metafile: true,
    })
    const bytes = Object.values(result.metafile.outputs).reduce(
      (sum, o) => (o.entryPoint ? sum + o.bytes : sum),
      0,
    )
    console.log(`[build-electron] ${path.relative(root, outfile)} ${(bytes / 1024).toFixed(0)} KiB`)
  } catch {
    failed = true // esbuild has already printed the errors
  }
}
if (failed) process.exit(1)
