// Runs a TypeScript worker module from source (browser mode, CLI, tests): registers tsx in this
// worker thread, then imports the module named in workerData.entry. Bundled builds run the
// esbuild output (build/electron/*.cjs) directly instead.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
