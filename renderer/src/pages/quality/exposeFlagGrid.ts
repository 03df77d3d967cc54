/**
 * End-to-end tests reach the flag grid's api as `window.__yanpanFlagGrid` (select rows, read the
 * model …). Only the api object is exposed, and only while that grid lives.
 */
import type { GridApi } from 'ag-grid-community'

type TestWindow = { __yanpanFlagGrid?: GridApi }

export function exposeFlagGrid(api: GridApi): void {
  ;(window as TestWindow).__yanpanFlagGrid = api
}

export function unexposeFlagGrid(api: GridApi): void {
  const w = window as TestWindow
  if (w.__yanpanFlagGrid === api) delete w.__yanpanFlagGrid
}
