#!/usr/bin/env node
// `npm start`: the Electron app when its binary is installed, otherwise the same renderer and engine
// in browser mode on http://127.0.0.1 (the Electron binary cannot be downloaded on offline machines).
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const args = process.argv.slice(2)

function electronBinary() {
  try {
    return createRequire(import.meta.url)('electron') // the binary's path, when installed
  } catch {
    return null
  }
}

const electron = electronBinary()
if (electron) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
  const child = spawn(electron, [root, ...args], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log('未安装 Electron 运行时，以浏览器模式启动（同一界面、同一数据引擎）。')
  const { register } = await import('tsx/esm/api')
  register()
  const { main } = await import('../electron/engine/cli/main.ts')
  process.exitCode = await main(['serve', '--offer-demo', ...args])
}
