import type { ExprField } from '../../shared/expr/index.ts'

/** Fields of a 审查逮捕 export as expressions see them, with the column each one lives in. */
export const CASE_FIELDS: ExprField[] = [
  { name: '受理日期', type: 'date', column: 'c1' },
  { name: '审结日期', type: 'date', column: 'c2' },
  { name: '审结处理结果', type: 'code', column: 'c3' },
  { name: '前科', type: 'text', column: 'c4' },
  { name: '应当逮捕情形', type: 'set', column: 'c5' },
  { name: '批捕人数', type: 'integer', column: 'c6' },
  { name: '不捕人数', type: 'integer', column: 'c7' },
  { name: '审查起诉阶段量刑建议（自）有期徒刑刑期', type: 'decimal', column: 'c8' },
  { name: '是否认罪认罚', type: 'boolean', column: 'c9' },
  { name: '移送其他案由', type: 'set', column: 'c10' },
  { name: '审结案由', type: 'code', column: 'c11' },
  { name: '身份证号', type: 'text', column: 'c12' },
  { name: '全案_审结日期', type: 'date', column: 'c13' },
  { name: '涉案金额', type: 'decimal', column: 'c14' },
]
