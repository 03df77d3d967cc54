/**
 * exceljs with its streaming XML reader fixed: exceljs decoded every zip chunk on its own, so a
 * Chinese character split across two chunks came back as "��" (exceljs issue #2084; see
 * parse-sax-fixed.cjs). Every engine module uses exceljs through this file (lint-enforced), so the
 * fix is installed before exceljs is first loaded.
 */
import './install-fixed-parser.ts'
import ExcelJS from 'exceljs'

export default ExcelJS
