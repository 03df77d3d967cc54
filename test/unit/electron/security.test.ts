import { describe, expect, it } from 'vitest'
import type { App, Session, WebContents } from 'electron'
import { FakeSession, FakeWebContents, fakeEvent } from '../../helpers/fake-electron.ts'
import { createAppUrlCheck } from '../../../electron/main/app-url.ts'
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp.ts'
import { hardenSession, hardenWebContents, installSecurity } from '../../../electron/main/security.ts'
import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'

const INDEX = '/opt/研判 工作台/build/renderer/index.html'
const INDEX_URL = pathToFileURL(INDEX).href
const isAppUrl = createAppUrlCheck(INDEX)

function hardenedSession(): FakeSession {
  const session = new FakeSession()
  hardenSession(session as unknown as Session)
  return session
}

function hardenedContents(): FakeWebContents {
  const contents = new FakeWebContents(new FakeSession())
  hardenWebContents(contents as unknown as WebContents, isAppUrl)
  return contents
}

/** Runs a webRequest listener and returns what it answered through its callback. */
function answer(listener: ((...args: never[]) => unknown) | null, details: object): unknown {
  let response: unknown
  ;(listener as (d: object, cb: (r: unknown) => void) => void)(details, (r) => (response = r))
  return response
}

describe('session hardening', () => {
  it('denies every permission request and check', () => {
    const session = hardenedSession()
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined
      ;(session.permissionRequestHandler as (w: unknown, p: string, cb: (g: boolean) => void) => void)(
        {},
        permission,
        (g) => (granted = g),
      )
      expect(granted, permission).toBe(false)
      expect((session.permissionCheckHandler as (w: unknown, p: string) => boolean)(null, permission)).toBe(
        false,
      )
    }
  })

  it('sets the strict CSP on responses, replacing any policy the response carried', () => {
    const session = hardenedSession()
    const response = answer(session.webRequest.headersReceived, {
      url: INDEX_URL,
      responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
    }) as { responseHeaders: Record<string, string[]> }
    expect(response.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    )
  })

  it('leaves devtools pages without our CSP so the tools keep working', () => {
    const session = hardenedSession()
    expect(
      answer(session.webRequest.headersReceived, { url: 'devtools://devtools/bundled/inspector.html' }),
    ).toEqual({})
  })

  it('cancels every network request and lets local ones through', () => {
    const session = hardenedSession()
    for (const url of [
      'http://example.com/',
      'https://example.com/x.js',
      'ws://127.0.0.1:8080/',
      'wss://example.com/',
      'ftp://example.com/f',
      'not a url',
    ]) {
      expect(answer(session.webRequest.beforeRequest, { url }), url).toEqual({ cancel: true })
    }
    for (const url of [
      INDEX_URL,
      'devtools://devtools/bundled/inspector.html',
      'data:image/png;base64,AA==',
      'blob:file:///1234',
    ]) {
      expect(answer(session.webRequest.beforeRequest, { url }), url).toEqual({ cancel: false })
    }
  })
})

describe('web contents hardening', () => {
  it('prevents navigation to a web page', () => {
    const contents = hardenedContents()
    const event = fakeEvent({ url: 'https://example.com' })
    contents.emit('will-navigate', event, event.url)
    expect(event.defaultPrevented).toBe(true)
  })

  it('prevents navigation to any other local file', () => {
    const contents = hardenedContents()
    const event = fakeEvent({ url: 'file:///etc/passwd' })
    contents.emit('will-navigate', event, event.url)
    expect(event.defaultPrevented).toBe(true)
  })

  it('allows the app page itself, with a route fragment', () => {
    const contents = hardenedContents()
    const event = fakeEvent({ url: `${INDEX_URL}#/datasets/3` })
    contents.emit('will-navigate', event, event.url)
    expect(event.defaultPrevented).toBe(false)
  })

  it('also guards sub-frame navigations and redirects', () => {
    const contents = hardenedContents()
    const frame = fakeEvent({ url: 'https://example.com/frame' })
    const redirect = fakeEvent({ url: 'https://example.com/next' })
    contents.emit('will-frame-navigate', frame)
    contents.emit('will-redirect', redirect, redirect.url)
    expect(frame.defaultPrevented).toBe(true)
    expect(redirect.defaultPrevented).toBe(true)
  })

  it('denies window.open', () => {
    const contents = hardenedContents()
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' } as never)).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: INDEX_URL } as never)).toEqual({ action: 'deny' })
  })

  it('refuses to attach a <webview>', () => {
    const contents = hardenedContents()
    const event = fakeEvent()
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.com' })
    expect(event.defaultPrevented).toBe(true)
  })

  it('installSecurity hardens the default session and every web contents created later', () => {
    const app = new EventEmitter()
    const session = new FakeSession()
    installSecurity(app as unknown as App, session as unknown as Session, isAppUrl)
    expect(session.permissionRequestHandler).not.toBeNull()
    const contents = new FakeWebContents(session)
    app.emit('web-contents-created', fakeEvent(), contents)
    const event = fakeEvent({ url: 'https://example.com' })
    contents.emit('will-navigate', event, event.url)
    expect(event.defaultPrevented).toBe(true)
    expect(contents.windowOpenHandler).not.toBeNull()
  })
})
