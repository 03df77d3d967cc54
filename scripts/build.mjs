#!/usr/bin/env node
// `npm run build`: the renderer (Vite) and the Electron main, preload and engine-worker bundles.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const vite = await import('vite')
await vite.build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' })
console.log('界面已构建：build/renderer')
const electron = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')], {
  stdio: 'inherit',
})
process.exit(electron.status ?? 1)
