/**
 * Decides whether a URL is the app's own page. Compares file paths, not URL strings: Chromium
 * percent-encodes spaces and Chinese characters in install paths (C:\Program Files\研判工作台\…)
 * differently from Node's URL helpers, and appends #/route fragments, so string equality would
 * reject our own page or, worse, invite a loose prefix check.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export type AppUrlCheck = (url: string) => boolean

export function createAppUrlCheck(rendererIndex: string): AppUrlCheck {
  const expected = normalise(path.resolve(rendererIndex))
  return (url) => {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return false
    }
    // A host in a file URL means a network share (file://server/share): never ours.
    if (parsed.protocol !== 'file:' || parsed.host !== '') return false
    try {
      return normalise(path.resolve(fileURLToPath(parsed))) === expected
    } catch {
      return false
    }
  }
}

// Windows paths are case-insensitive; elsewhere the exact path must match.
const normalise = (p: string): string => (process.platform === 'win32' ? p.toLowerCase() : p)
