/**
 * Export rows for data-quality tests: a 010101 and a 020101 record that break no library rule (as of
 * the frozen test clock, 2026-01-15), to be varied one field at a time, and the header lists of the
 * two field dictionaries (documented and optional columns) to write them under.
 */
import { loadKindDictionaries } from '../../electron/engine/import/kinds.ts'

export type Row = Record<string, string>

/** Every header the kind's dictionary knows, in dictionary order. */
export function dictionaryHeaders(kind: '010101' | '020101'): string[] {
  return loadKindDictionaries()
    .find((d) => d.kind === kind)!
    .fields.map((f) => f.name)
}

/** 部门受案号 of the n-th case of a kind, in unit 320102 (玄武区). */
export function caseNumber(kind: '010101' | '020101', n: number): string {
  return `玄检${kind === '010101' ? '捕' : '诉'}受[2025]320102${String(n).padStart(5, '0')}号`
}

/** 批准逮捕, single suspect, concluded in 5 days, executed; 盗窃罪 with a victim; valid identity data. */
export const ARREST_BASE: Row = {
  案件名称: '张伟盗窃案',
  嫌疑人姓名: '张伟',
  受理日期: '2025-03-01',
  承办部门: '第一检察部',
  承办检察官: '李娜',
  移送案由: '盗窃罪',
  涉嫌案由: '盗窃罪',
  审结案由: '盗窃罪',
  全案_审结处理结果: '批准逮捕',
  审结处理结果: '批准逮捕',
  全案_审结日期: '2025-03-06',
  审结日期: '2025-03-06',
  前科: '无',
  侦查机关名称: '南京市公安局玄武分局',
  移送单位名称: '南京市公安局玄武分局',
  收到执行回执日期: '2025-03-08',
  执行日期: '2025-03-07',
  执行情况: '已执行',
  被害人情况: '被害人1人',
  是否利用电信或网络实施犯罪: '否',
  作案时年龄: '30',
  性别: '男',
  出生日期: '1994-05-01',
  身份证号: '320102199405010017',
}

/** 起诉 after 22 days, 认罪认罚 with a fixed sentencing recommendation adopted, judged, final. */
export const PROSECUTION_BASE: Row = {
  案件名称: '王芳盗窃案',
  嫌疑人姓名: '王芳',
  受理日期: '2025-03-10',
  承办部门: '第二检察部',
  承办检察官: '刘洋',
  全案_受理日期: '2025-03-10',
  全案_移送案由: '盗窃罪',
  移诉案由: '盗窃罪',
  全案_移送意见: '移送起诉',
  审结案由: '盗窃罪',
  全案_审结案由: '盗窃罪',
  全案_审结日期: '2025-04-01',
  审结日期: '2025-04-01',
  审结处理情况: '起诉',
  作案时年龄: '29',
  审结前强制措施: '取保候审',
  是否为单位: '否',
  前科: '无',
  审查认定的法定情节: '坦白',
  全案_审查起诉阶段检察机关适用认罪认罚: '是',
  审查起诉阶段检察机关适用认罪认罚: '是',
  审判阶段适用认罪认罚: '是',
  审判阶段适用认罪认罚情况: '均适用',
  审查起诉阶段提出量刑建议类型: '确定刑量刑建议',
  审查起诉阶段量刑建议刑种: '有期徒刑',
  '审查起诉阶段量刑建议（自）有期徒刑刑期': '8',
  '审查起诉阶段量刑建议（到）有期徒刑刑期': '8',
  是否法院采纳量刑建议: '是',
  庭审程序: '简易程序',
  出庭日期: '2025-04-20',
  提起公诉日期: '2025-04-01',
  一审判决日期: '2025-04-20',
  全案_一审判决日期: '2025-04-20',
  '一审判决罪名/案由': '盗窃罪',
  一审宣告刑: '有期徒刑',
  一审宣告刑刑期: '8',
  一审判决书收到日期: '2025-04-22',
  一审判决生效日期: '2025-05-03',
  全案_一审判决生效日期: '2025-05-03',
  案件是否涉及追赃挽损: '是',
  被害人情况: '被害人1人',
  '审结数额（万元）': '0.5',
  性别: '女',
  出生日期: '1995-06-12',
  身份证号: '320102199506120020',
}
