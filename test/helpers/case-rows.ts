/**
 * Small, readable 010101 (审查逮捕) export rows for integration tests: the real header names and
 * value shapes of ../shared/domain/case-cards.md, a few columns wide.
 */
export const ARREST_HEADER = [
  '部门受案号',
  '案件名称',
  '嫌疑人姓名',
  '嫌疑人编号',
  '受理日期',
  '承办部门',
  '承办检察官',
  '移送案由',
  '涉嫌案由',
  '审结案由',
  '全案_审结处理结果',
  '审结处理结果',
  '全案_审结日期',
  '审结日期',
  '不捕情形',
  '应当逮捕情形',
  '前科',
  '是否利用电信或网络实施犯罪',
]

const UNITS = ['320102', '320105', '320111', '320583']
const CHARGES = ['危险驾驶罪', '盗窃罪', '诈骗罪', '帮助信息网络犯罪活动罪', '故意伤害罪']
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄强']

export interface ArrestRowOptions {
  /** Override cells by header name. */
  set?: Partial<Record<(typeof ARREST_HEADER)[number], string>>
}

/** The i-th synthetic 010101 row (deterministic). */
export function arrestRow(i: number, options: ArrestRowOptions = {}): string[] {
  const unit = UNITS[i % UNITS.length]
  const day = 1 + (i % 27)
  const month = 1 + (i % 12)
  const approved = i % 3 !== 0
  const cells: Record<string, string> = {
    部门受案号: `宁检捕受[2024]${unit}${String(1 + Math.floor(i / 2)).padStart(5, '0')}号`,
    案件名称: `${NAMES[i % NAMES.length]}${CHARGES[i % CHARGES.length].replace(/罪$/, '')}案`,
    嫌疑人姓名: NAMES[i % NAMES.length],
    嫌疑人编号: `XYR${String(100000 + i)}`,
    受理日期: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    承办部门: '第一检察部',
    承办检察官: NAMES[(i + 3) % NAMES.length],
    移送案由: CHARGES[i % CHARGES.length],
    涉嫌案由: CHARGES[i % CHARGES.length],
    审结案由: CHARGES[i % CHARGES.length],
    全案_审结处理结果: approved ? '批准逮捕' : '不批准逮捕',
    审结处理结果: approved ? '批准逮捕' : '不批准逮捕',
    全案_审结日期: `2024-${String(month).padStart(2, '0')}-${String(Math.min(day + 6, 28)).padStart(2, '0')}`,
    审结日期: `2024-${String(month).padStart(2, '0')}-${String(Math.min(day + 6, 28)).padStart(2, '0')}`,
    不捕情形: approved ? '' : '其他不捕',
    应当逮捕情形: approved ? '曾经故意犯罪' : '',
    前科: i % 5 === 0 ? '刑事处罚' : '无',
    是否利用电信或网络实施犯罪: i % 4 === 0 ? '是' : '否',
    ...options.set,
  }
  return ARREST_HEADER.map((h) => cells[h] ?? '')
}

export function arrestRows(count: number, from = 0): string[][] {
  return Array.from({ length: count }, (_, k) => arrestRow(from + k))
}
