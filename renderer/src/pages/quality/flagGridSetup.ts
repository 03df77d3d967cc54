/**
 * The flag grid reuses the records grid's setup (modules, Chinese locale, theme) and adds row
 * selection, which only the flag grid needs (checkbox column for bulk status changes).
 */
import { RowSelectionModule } from 'ag-grid-community'
import type { Module, RowSelectionOptions } from 'ag-grid-community'
import { GRID_MODULES } from '../dataset/gridSetup.ts'

export const FLAG_GRID_MODULES: Module[] = [...GRID_MODULES, RowSelectionModule]

/**
 * No header "select all": the infinite row model only holds the loaded blocks, so it could not mean
 * "all flags". Acting on every filtered flag is the separate 对筛选结果全部… action.
 */
export const FLAG_ROW_SELECTION: RowSelectionOptions = {
  mode: 'multiRow',
  checkboxes: true,
  headerCheckbox: false,
  enableClickSelection: false,
}
