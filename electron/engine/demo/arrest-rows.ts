/**
 * One 010101 (审查逮捕) row per suspect, rendered into a reused cell array in header order. What a
 * card shows depends on the export date: a review concluded after it has no 审结 fields yet.
 */
import type { DemoCase } from './cases.ts'
import { columnIndex, exportColumns, type DayText } from './columns.ts'
import type { Person } from './persons.ts'

const NO_FLAGS = [
  '是否涉医疗纠纷犯罪案件',
  '犯罪案件是否涉及医疗美容犯罪',
  '是否涉外案件',
  '涉政治安全类案件',
  '是否影响非公有制经济发展案件',
  '是否为审捕阶段要求提请（移送）逮捕的犯罪嫌疑人',
  '是否黑社会性质组织保护伞',
  '犯罪案件是否涉及黑社会性质组织',
  '是否恶势力保护伞',
  '犯罪案件是否涉及恶势力',
]

export class ArrestRows {
  readonly header = exportColumns('010101')
  private readonly cells: string[] = new Array<string>(this.header.length).fill('')
  private readonly at = columnIndex(this.header)
  private readonly col = {
    caseNumber: this.at('部门受案号'),
    caseName: this.at('案件名称'),
    name: this.at('嫌疑人姓名'),
    accepted: this.at('受理日期'),
    department: this.at('承办部门'),
    prosecutor: this.at('承办检察官'),
    suspectId: this.at('嫌疑人编号'),
    transferCharge: this.at('移送案由'),
    transferOthers: this.at('移送其他案由'),
    suspectedCharge: this.at('涉嫌案由'),
    suspectedOthers: this.at('涉嫌其他案由'),
    concludedCharge: this.at('审结案由'),
    concludedOthers: this.at('审结其他案由'),
    caseResult: this.at('全案_审结处理结果'),
    result: this.at('审结处理结果'),
    caseConcluded: this.at('全案_审结日期'),
    concluded: this.at('审结日期'),
    refuseReason: this.at('不捕情形'),
    arrestGrounds: this.at('应当逮捕情形'),
    prior: this.at('前科'),
    investigator: this.at('侦查机关名称'),
    transferrer: this.at('移送单位名称'),
    receipt: this.at('收到执行回执日期'),
    executed: this.at('执行日期'),
    execution: this.at('执行情况'),
    victim: this.at('被害人情况'),
    injury: this.at('案件造成伤亡情况'),
    laundering: this.at('掩饰隐瞒犯罪所得、犯罪所得收益罪具体情形'),
    online: this.at('是否利用电信或网络实施犯罪'),
    age: this.at('作案时年龄'),
    sex: this.at('性别'),
    birth: this.at('出生日期'),
    idCard: this.at('身份证号'),
  }
  private readonly noFlags = NO_FLAGS.map(this.at)

  /** The cells of one suspect's row (the same array every call: copy it to keep it). */
  render(c: DemoCase, person: Person, day: DayText): string[] {
    const stage = c.arrest!
    const cells = this.cells
    const col = this.col
    cells.fill('')
    cells[col.caseNumber] = stage.caseNumber
    cells[col.caseName] = stage.name
    cells[col.name] = person.name
    cells[col.accepted] = day(stage.accepted)
    cells[col.department] = c.unit.departments[c.department]
    cells[col.prosecutor] = c.prosecutor
    cells[col.suspectId] = person.suspectId
    cells[col.transferCharge] = c.charges[0].name
    cells[col.transferOthers] = otherCharges(c.charges)
    cells[col.suspectedCharge] = person.charges[0].name
    cells[col.suspectedOthers] = otherCharges(person.charges)
    cells[col.prior] = person.prior ? '刑事处罚' : '无'
    cells[col.investigator] = c.unit.police
    cells[col.transferrer] = c.unit.police
    cells[col.victim] = c.facts.victim
    cells[col.injury] = c.facts.injury
    cells[col.laundering] = c.facts.laundering
    cells[col.online] = c.online ? '是' : '否'
    for (const flag of this.noFlags) cells[flag] = '否'
    cells[col.age] = String(person.age)
    cells[col.sex] = person.sex
    cells[col.birth] = person.birth
    cells[col.idCard] = person.idCard
    const concluded = day(stage.concluded)
    if (concluded) {
      const approved = person.arrest === 'approved'
      cells[col.concludedCharge] = person.charges[0].name
      cells[col.concludedOthers] = otherCharges(person.charges)
      cells[col.caseResult] = c.persons.some((p) => p.arrest === 'approved') ? '批准逮捕' : '不批准逮捕'
      cells[col.result] = approved ? '批准逮捕' : '不批准逮捕'
      cells[col.caseConcluded] = concluded
      cells[col.concluded] = concluded
      cells[col.refuseReason] = person.refuseReason
      // R003: 曾经故意犯罪 exactly when an approved suspect has a criminal record.
      if (approved) cells[col.arrestGrounds] = arrestGrounds(person)
      const receipt = day(stage.receipt)
      if (receipt) {
        cells[col.receipt] = receipt
        cells[col.executed] = day(stage.executed)
        cells[col.execution] = approved ? '已执行逮捕' : person.proceeds ? '已变更为取保候审' : '已释放'
      }
    }
    return cells
  }
}

/** 移送其他案由 and the like: the charges after the first, comma-separated as in the 2.0 exports. */
export function otherCharges(charges: readonly { name: string }[]): string {
  if (charges.length < 2) return ''
  return charges
    .slice(1)
    .map((c) => c.name)
    .join(',')
}

function arrestGrounds(person: Person): string {
  const grounds: string[] = []
  if (person.prior) grounds.push('曾经故意犯罪')
  if (person.plan.kind === '无期徒刑' || person.plan.months >= 120)
    grounds.push('可能判处十年有期徒刑以上刑罚')
  return grounds.join('、')
}
