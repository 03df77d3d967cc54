/**
 * Builds the renderer into build/renderer. `base: './'` makes every asset URL relative, so the same
 * build loads from file:// in Electron and from http://127.0.0.1 in browser mode.
 */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import type { Plugin } from 'vite'

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * The dev server needs an inline script (React refresh preamble) and a websocket, both of which the
 * strict CSP in index.html forbids; drop the CSP only under `vite serve`, never in a build.
 */
function devWithoutCsp(): Plugin {
  return {
    name: 'yanpan-dev-without-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/, ''),
  }
}

export default defineConfig({
  root: fromRoot('./renderer'),
  base: './',
  plugins: [react(), devWithoutCsp()],
  build: {
    outDir: fromRoot('./build/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    // Electron's and current Chromium's module preloading is native; the polyfill would be dead code.
    modulePreload: { polyfill: false },
    // ag-grid alone is ~1 MB minified; the app is loaded from disk, so one large chunk is fine.
    chunkSizeWarningLimit: 3000,
  },
})
