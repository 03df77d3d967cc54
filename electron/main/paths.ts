/**
 * Where the bundled app's files are, relative to the directory holding main.cjs (build/electron).
 * Taken as a parameter, not read from __dirname here, so tests can point it anywhere.
 */
import path from 'node:path'

export interface AppPaths {
  /** The sandboxed preload bundle. */
  preload: string
  /** The renderer's entry page; the only document the window may show. */
  rendererIndex: string
}

export function appPaths(bundleDir: string): AppPaths {
  return {
    preload: path.join(bundleDir, 'preload.cjs'),
    rendererIndex: path.resolve(bundleDir, '..', 'renderer', 'index.html'),
  }
}
