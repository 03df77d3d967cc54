/**
 * ag-grid Community setup shared by every grid: only the modules we use (smaller bundle, and a missing
 * one shows up as a dev-mode validation warning instead of silently doing nothing), the Chinese locale,
 * and a Quartz theme in the app's colours. The font stack is set here so the theme never asks for a
 * Google font: the app makes no network requests.
 */
import {
  CellStyleModule,
  ColumnApiModule,
  DateFilterModule,
  InfiniteRowModelModule,
  LocaleModule,
  NumberFilterModule,
  RowApiModule,
  ScrollApiModule,
  TextFilterModule,
  TooltipModule,
  ValidationModule,
  themeQuartz,
} from 'ag-grid-community'
import type { Module } from 'ag-grid-community'

import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale'

export const GRID_LOCALE = AG_GRID_LOCALE_CN

export const GRID_MODULES: Module[] = [
  InfiniteRowModelModule,
  TextFilterModule,
  NumberFilterModule,
  DateFilterModule,
  ColumnApiModule,
  RowApiModule,
  ScrollApiModule,
  CellStyleModule,
  TooltipModule,
  LocaleModule,
  // Validation explains misconfigurations in the console; it is large, so production builds drop it.
  ...(import.meta.env.DEV ? [ValidationModule] : []),
]

export const FONT_STACK = [
  'Microsoft YaHei',
  '微软雅黑',
  'PingFang SC',
  'Noto Sans CJK SC',
  'Noto Sans SC',
  'Source Han Sans SC',
  'sans-serif',
]

export const gridTheme = themeQuartz.withParams({
  fontFamily: FONT_STACK,
  headerFontFamily: FONT_STACK,
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  accentColor: '#9b1c1f',
  foregroundColor: '#1f2329',
  headerBackgroundColor: '#f2f3f5',
  borderColor: '#dcdfe6',
  wrapperBorderRadius: 2,
  borderRadius: 2,
  oddRowBackgroundColor: '#fafbfc',
  rowHeight: 32,
  headerHeight: 36,
  spacing: 6,
  browserColorScheme: 'light',
})

/**
 * What every engine-backed grid shares: rows fetched from the engine in blocks of 200 (infinite row
 * model), the Chinese locale and the theme, field names taken literally (they contain dots and
 * brackets), selectable cell text.
 */
export const INFINITE_GRID_PROPS = {
  theme: gridTheme,
  localeText: GRID_LOCALE,
  rowModelType: 'infinite',
  cacheBlockSize: 200,
  maxBlocksInCache: 50,
  suppressFieldDotNotation: true,
  enableCellTextSelection: true,
  tooltipShowDelay: 300,
} as const
