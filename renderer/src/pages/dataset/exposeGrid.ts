/**
 * End-to-end tests reach the records grid's api as `window.__yanpanGrid` (ensureIndexVisible …). Only
 * the api object is exposed, and only while that grid lives.
 */
import type { GridApi } from 'ag-grid-community'

type TestWindow = { __yanpanGrid?: GridApi }

export function exposeGrid(api: GridApi): void {
  ;(window as TestWindow).__yanpanGrid = api
}

export function unexposeGrid(api: GridApi): void {
  const w = window as TestWindow
  if (w.__yanpanGrid === api) delete w.__yanpanGrid
}
