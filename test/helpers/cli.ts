import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const CLI = path.join(ROOT, 'bin', 'yanpan.mjs')

/** Runs the real CLI in a child process, as an analyst would (`npx yanpan …`). */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Starts the CLI without waiting, for tests that kill it mid-way. */
export function spawnCli(args: string[]) {
  return spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: 'ignore' })
}
