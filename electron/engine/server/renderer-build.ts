import fs from 'node:fs'
import path from 'node:path'

/** Newest modification time of any file below `dir` (0 when it does not exist). */
function newest(dir: string): number {
  if (!fs.existsSync(dir)) return 0
  let latest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      latest = Math.max(latest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs)
  }
  return latest
}

/**
 * Browser mode serves the built renderer. A fresh clone has no build, and a developer may have
 * changed the sources since the last one: build with Vite when the output is missing or stale.
 */
export async function ensureRendererBuilt(
  root: string,
  log: (line: string) => void = () => {},
): Promise<string> {
  const out = path.join(root, 'build', 'renderer')
  const index = path.join(out, 'index.html')
  const sourceTime = Math.max(newest(path.join(root, 'renderer')), newest(path.join(root, 'shared')))
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sourceTime) return out
  log('正在构建界面（首次启动约需数秒）…')
  const vite = await import('vite')
  await vite.build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' })
  return out
}
