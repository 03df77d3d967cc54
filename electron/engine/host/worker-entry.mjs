// Runs the TypeScript engine worker from source (browser mode, CLI, tests). The Electron build
// bundles electron/engine/host/worker.ts to build/electron/engine-worker.cjs instead.
import { register } from 'tsx/esm/api'

register()
await import('./worker.ts')
