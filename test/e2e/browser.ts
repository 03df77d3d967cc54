import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { ROOT, CLI, runCli } from '../helpers/cli.ts'
import { tempDir } from '../helpers/workspace.ts'

/** Chromium from Debian (never a downloaded browser), headless, no network chatter. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** The real `yanpan serve` (browser mode) on a free loopback port, against the given workspace. */
export async function startServer(
  dbPath: string,
  extraArgs: string[] = [],
): Promise<{ url: string; process: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--db', dbPath, ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[0])
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)))
  })
  return {
    url,
    process: child,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGINT')
      await exited
    },
  }
}

export const OUTPUT_DIR = path.join(ROOT, 'test-output', 'e2e')
export function screenshotPath(name: string): string {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true })
  return path.join(OUTPUT_DIR, name)
}

export interface DemoSession {
  db: string
  server: Awaited<ReturnType<typeof startServer>>
  browser: Browser
  page: Page
  close(): Promise<void>
}

/**
 * A demo workspace (the real `yanpan demo`, CSV exports) served in browser mode, with a Chromium page
 * open: the setup of every end-to-end flow that starts from imported data.
 */
export async function openDemo(options: {
  prefix: string
  persons: number
  from: string
  to: string
  viewport: { width: number; height: number }
  acceptDownloads?: boolean
}): Promise<DemoSession> {
  const db = path.join(tempDir(options.prefix), 'workspace.db')
  const args = [
    'demo',
    '--db',
    db,
    '--persons',
    String(options.persons),
    '--from',
    options.from,
    '--to',
    options.to,
  ]
  const demo = runCli([...args, '--format', 'csv'])
  if (demo.code !== 0) throw new Error(`yanpan demo failed:\n${demo.stderr}`)
  const server = await startServer(db)
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: options.viewport, acceptDownloads: options.acceptDownloads })
  return {
    db,
    server,
    browser,
    page,
    async close() {
      await browser.close()
      await server.stop()
    },
  }
}
