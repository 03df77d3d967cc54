import { describe, expect, it } from 'vitest'
import { pathToFileURL } from 'node:url'
import { createAppUrlCheck } from '../../../electron/main/app-url.ts'
import { appPaths } from '../../../electron/main/paths.ts'

describe('app URL check', () => {
  const index = appPaths('/opt/研判 工作台/resources/app.asar/build/electron').rendererIndex
  const isAppUrl = createAppUrlCheck(index)

  it('resolves the renderer page beside the bundle directory', () => {
    expect(index).toBe('/opt/研判 工作台/resources/app.asar/build/renderer/index.html')
  })

  it('accepts the page however its path is percent-encoded, with any fragment or query', () => {
    expect(isAppUrl(pathToFileURL(index).href)).toBe(true)
    expect(
      isAppUrl(
        'file:///opt/%E7%A0%94%E5%88%A4%20%E5%B7%A5%E4%BD%9C%E5%8F%B0/resources/app.asar/build/renderer/index.html#/import',
      ),
    ).toBe(true)
    expect(isAppUrl(`${pathToFileURL(index).href}?x=1`)).toBe(true)
  })

  it('rejects other files, network shares, web URLs and garbage', () => {
    expect(
      isAppUrl(
        'file:///opt/%E7%A0%94%E5%88%A4%20%E5%B7%A5%E4%BD%9C%E5%8F%B0/resources/app.asar/build/renderer/other.html',
      ),
    ).toBe(false)
    expect(
      isAppUrl('file:///opt/研判 工作台/resources/app.asar/build/renderer/../renderer/index.html.bak'),
    ).toBe(false)
    expect(isAppUrl('file://server/opt/研判 工作台/resources/app.asar/build/renderer/index.html')).toBe(false)
    expect(isAppUrl('https://example.com/build/renderer/index.html')).toBe(false)
    expect(isAppUrl('about:blank')).toBe(false)
    expect(isAppUrl('')).toBe(false)
  })
})
