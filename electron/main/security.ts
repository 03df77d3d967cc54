/**
 * Locks the session and every web contents down: the app shows one local page, asks for no
 * permissions, opens no windows, embeds nothing and never talks to the network. Applied through
 * app 'web-contents-created' so contents created later (devtools, anything unexpected) are covered.
 */
import type { App, Session, WebContents } from 'electron'
import type { AppUrlCheck } from './app-url.ts'
import { withCsp } from './csp.ts'

/**
 * Schemes a request may use. file: is the app itself, devtools: the developer tools; data: and
 * blob: are in-memory (chart images, downloads built in the page) and never leave the machine.
 */
const LOCAL_SCHEMES: ReadonlySet<string> = new Set(['file:', 'devtools:', 'data:', 'blob:'])

export function isLocalRequest(url: string): boolean {
  try {
    return LOCAL_SCHEMES.has(new URL(url).protocol)
  } catch {
    return false
  }
}

export function hardenSession(session: Session): void {
  // The workbench needs no camera, geolocation, notifications, clipboard-read …: deny every ask.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isLocalRequest(details.url) }),
  )
  session.webRequest.onHeadersReceived((details, callback) => {
    // Devtools pages run their own scripts; our policy would break them and they hold no case data.
    if (details.url.startsWith('devtools:')) return callback({})
    callback({ responseHeaders: withCsp(details.responseHeaders) })
  })
}

export function hardenWebContents(contents: WebContents, isAppUrl: AppUrlCheck): void {
  const refuseForeign = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault()
  }
  contents.on('will-navigate', (event) => refuseForeign(event, event.url))
  // Covers sub-frames and redirects too, which 'will-navigate' alone does not see.
  contents.on('will-frame-navigate', (event) => refuseForeign(event, event.url))
  contents.on('will-redirect', (event) => refuseForeign(event, event.url))
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Hardens the default session now and every web contents as it is created. Call before any window. */
export function installSecurity(app: Pick<App, 'on'>, session: Session, isAppUrl: AppUrlCheck): void {
  hardenSession(session)
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAppUrl))
}
