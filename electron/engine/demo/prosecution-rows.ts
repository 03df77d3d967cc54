/**
 * One 020101 (一审公诉) row per suspect, rendered into a reused cell array in header order. 全案_
 * columns come from the stage and are the same on every row of a case; a stage, a trial or an appeal
 * window that ends after the export date is left blank, as in a real snapshot.
 */
import { isPropertyCharge } from './charge-groups.ts'
import type { DemoCase, ProsecutionStage } from './cases.ts'
import { amountText, columnIndex, exportColumns, type DayText } from './columns.ts'
import { otherCharges } from './arrest-rows.ts'
import type { Person } from './persons.ts'

const NO_FLAGS = [
  '是否为单位',
  '是否立案监督对象',
  '是否为追诉对象',
  '是否为纠正漏捕的犯罪嫌疑人',
  '是否他院受理审查起诉后改变管辖',
  '是否涉及药品和医用器材安全犯罪',
  '犯罪案件是否涉及药品和医用器材安全',
  '是否涉医疗纠纷犯罪案件',
  '犯罪案件是否涉及医疗美容犯罪',
  '是否涉外案件',
  '涉政治安全类案件',
  '是否影响非公有制经济发展案件',
  '犯罪案件是否涉及黑社会性质组织',
  '犯罪案件是否涉及恶势力',
]
const AMOUNT_FIELDS = ['审结数额（万元）', '认定造成经济损失（万元）', '挽回经济损失（万元）', '侦（调）查机关追缴款物（万元）', '捕诉环节犯罪嫌疑人主动退赔（万元）']
/** Days from receiving the judgment until it takes effect when nobody appeals (10-day window). */
const EFFECT_AFTER = 11

export class ProsecutionRows {
  readonly header = exportColumns('020101')
  private readonly cells: string[] = new Array<string>(this.header.length).fill('')
  private readonly at = columnIndex(this.header)
  private readonly noFlags = NO_FLAGS.map(this.at)
  private readonly amounts = AMOUNT_FIELDS.map(this.at)

  /** The cells of one suspect's row (the same array every call: copy it to keep it). */
  render(c: DemoCase, person: Person, day: DayText): string[] {
    const stage = c.prosecution!
    const cells = this.cells
    const set = (name: string, value: string) => {
      cells[this.at(name)] = value
    }
    cells.fill('')
    set('部门受案号', stage.caseNumber)
    set('案件名称', stage.name)
    set('嫌疑人姓名', person.name)
    set('受理日期', day(stage.accepted))
    set('全案_受理日期', day(stage.accepted))
    set('承办部门', c.unit.departments[c.department])
    set('承办检察官', c.prosecutor)
    set('嫌疑人编号', person.suspectId)
    set('全案_移送案由', stage.charges[0].name)
    set('全案_移送其他案由', otherCharges(stage.charges))
    set('移诉案由', person.charges[0].name)
    set('移诉其他案由', otherCharges(person.charges))
    set('全案_移送意见', '移送起诉')
    set('作案时年龄', String(person.age))
    set('审结前强制措施', person.measure)
    set('前科', person.prior ? '刑事处罚' : '无')
    set('审查认定的法定情节', person.circumstances)
    set('被害人情况', c.facts.victim)
    set('案件造成伤亡情况', c.facts.injury)
    set('是否利用电信或网络实施犯罪', c.online ? '是' : '否')
    for (const flag of this.noFlags) cells[flag] = '否'
    set('案件是否涉及追赃挽损', isPropertyCharge(stage.finalCharge) || isPropertyCharge(stage.charges[0].name) ? '是' : '否')
    set('受侵犯企业类型', c.facts.ip[0])
    set('受侵犯企业资金来源地', c.facts.ip[1])
    set('受侵犯企业所属国别地区', c.facts.ip[2])
    set('保证金（万元）', amountText(person.bail))
    set('性别', person.sex)
    set('出生日期', person.birth)
    set('身份证号', person.idCard)
    set('全案_一次退查日期', day(stage.returns[0]))
    set('全案_一次重报日期', day(stage.returns[1]))
    set('全案_二次退查日期', day(stage.returns[2]))
    set('全案_二次重报日期', day(stage.returns[3]))
    const concluded = day(stage.concluded)
    if (concluded) this.concluded(stage, person, concluded, day)
    // Case-level trial dates go on every row of the case, whatever each suspect's outcome.
    if (stage.procedure) {
      set('全案_一审判决日期', day(stage.judged))
      // Final only when every suspect was tried and nobody appealed (R048 reads 人卡 against it).
      if (stage.persons.every((p) => p.outcome === '起诉' && !p.appealed)) set('全案_一审判决生效日期', day(stage.receipt + EFFECT_AFTER))
    }
    return cells
  }

  private concluded(stage: ProsecutionStage, person: Person, concluded: string, day: DayText): void {
    const cells = this.cells
    const set = (name: string, value: string) => {
      cells[this.at(name)] = value
    }
    set('审结案由', stage.finalCharge)
    set('审结其他案由', otherCharges(person.charges))
    set('全案_审结案由', stage.finalCharge)
    set('全案_审结其他案由', otherCharges(stage.charges))
    set('全案_审结日期', concluded)
    set('审结日期', concluded)
    set('审结处理情况', person.outcome)
    set('全案_审查起诉阶段检察机关适用认罪认罚', stage.persons.some((p) => p.plea) ? '是' : '否')
    set('审查起诉阶段检察机关适用认罪认罚', person.plea ? '是' : '否')
    if (stage.changed) set('改变移送审查起诉认定情形', '改变定性')
    if (person.outcome === '退查后未重报') set('一次退查后未重报事由', '侦查机关未在补充侦查期限内重新移送')
    if (person.amounts) person.amounts.forEach((value, i) => (cells[this.amounts[i]] = amountText(value)))
    if (person.amounts && stage.finalCharge === '掩饰、隐瞒犯罪所得、犯罪所得收益罪') {
      set('掩饰隐瞒犯罪所得、犯罪所得收益数额（万元）', amountText(person.amounts[0]))
    }
    if (person.amounts) set('审定数额（万元）', amountText(person.amounts[0]))
    if (person.outcome !== '起诉') return
    set('提起公诉日期', concluded)
    set('庭审程序', stage.procedure)
    this.recommendation(person)
    set('出庭日期', day(stage.hearing))
    const judged = day(stage.judged)
    if (!judged) return
    const verdict = person.verdict!
    set('一审判决日期', judged)
    set('裁判认定法定情节', person.circumstances)
    set('审判阶段适用认罪认罚', person.trialPlea ? '是' : '否')
    set('审判阶段适用认罪认罚情况', pleaSummary(person.plea, person.trialPlea))
    if (verdict.adopted !== null) set('是否法院采纳量刑建议', verdict.adopted ? '是' : '否')
    set('一审判决罪名/案由', verdict.charge)
    set('一审判决其他罪名/案由', otherCharges(person.charges))
    set('一审宣告刑', verdict.kind)
    if (verdict.kind !== '无期徒刑') set('一审宣告刑刑期', String(verdict.months))
    set('一审罚金数额（万元）', amountText(verdict.fine))
    if (verdict.charge !== stage.finalCharge) set('裁判改变起诉情形', '改变定性')
    set('一审判决书收到日期', day(stage.receipt))
    if (person.appealed) set('上诉日期', day(person.appealDay))
    else set('一审判决生效日期', day(stage.receipt + EFFECT_AFTER))
  }

  private recommendation(person: Person): void {
    const rec = person.recommendation
    if (!rec) return
    const cells = this.cells
    const set = (name: string, value: string) => {
      cells[this.at(name)] = value
    }
    set('审查起诉阶段提出量刑建议类型', rec.type)
    set('审查起诉阶段量刑建议刑种', rec.kind)
    if (rec.kind === '有期徒刑' || rec.kind === '拘役') {
      set(`审查起诉阶段量刑建议（自）${rec.kind}刑期`, String(rec.from))
      set(`审查起诉阶段量刑建议（到）${rec.kind}刑期`, String(rec.to))
    }
    if (rec.fine > 0) {
      set('审查起诉阶段量刑建议（自）罚金数额', amountText(rec.fine))
      set('审查起诉阶段量刑建议（到）罚金数额', amountText(rec.fine))
    }
  }
}

/** 审判阶段适用认罪认罚情况 from the two stages' flags (R057). */
export function pleaSummary(review: boolean, trial: boolean): string {
  if (review && trial) return '均适用'
  if (!review && !trial) return '均未适用'
  return review ? '审判阶段未适用' : '审查起诉未适用'
}
