/**
 * One 020101 (一审公诉) row per suspect, rendered into a reused cell array in header order. 全案_
 * columns come from the stage and are the same on every row of a case; a stage, a trial or an appeal
 * window that ends after the export date is left blank, as in a real snapshot.
 */
import { isPropertyCharge } from './charge-groups.ts'
import type { DemoCase, ProsecutionStage } from './cases.ts'
import { amountText, columnSlots, exportColumns, type DayText } from './columns.ts'
import { otherCharges } from './arrest-rows.ts'
import type { Person } from './persons.ts'

// prettier-ignore
const NO_FLAGS = [
  '是否为单位', '是否立案监督对象', '是否为追诉对象', '是否为纠正漏捕的犯罪嫌疑人', '是否他院受理审查起诉后改变管辖',
  '是否涉及药品和医用器材安全犯罪', '犯罪案件是否涉及药品和医用器材安全', '是否涉医疗纠纷犯罪案件', '犯罪案件是否涉及医疗美容犯罪',
  '是否涉外案件', '涉政治安全类案件', '是否影响非公有制经济发展案件', '犯罪案件是否涉及黑社会性质组织', '犯罪案件是否涉及恶势力',
]
/** Person.amounts, in order. */
const AMOUNT_FIELDS = [
  '审结数额（万元）',
  '认定造成经济损失（万元）',
  '挽回经济损失（万元）',
  '侦（调）查机关追缴款物（万元）',
  '捕诉环节犯罪嫌疑人主动退赔（万元）',
]
/** Days from receiving the judgment until it takes effect when nobody appeals (10-day window). */
const EFFECT_AFTER = 11
const LAUNDERING = '掩饰、隐瞒犯罪所得、犯罪所得收益罪'

// prettier-ignore
const NAMES = {
  caseNumber: '部门受案号', caseName: '案件名称', name: '嫌疑人姓名', accepted: '受理日期', caseAccepted: '全案_受理日期',
  department: '承办部门', prosecutor: '承办检察官', suspectId: '嫌疑人编号', caseTransfer: '全案_移送案由', caseTransferOthers: '全案_移送其他案由',
  transfer: '移诉案由', transferOthers: '移诉其他案由', opinion: '全案_移送意见', age: '作案时年龄', measure: '审结前强制措施', prior: '前科',
  circumstances: '审查认定的法定情节', victim: '被害人情况', injury: '案件造成伤亡情况', online: '是否利用电信或网络实施犯罪',
  recovery: '案件是否涉及追赃挽损', ipType: '受侵犯企业类型', ipSource: '受侵犯企业资金来源地', ipCountry: '受侵犯企业所属国别地区',
  bail: '保证金（万元）', sex: '性别', birth: '出生日期', idCard: '身份证号',
  return1: '全案_一次退查日期', resubmit1: '全案_一次重报日期', return2: '全案_二次退查日期', resubmit2: '全案_二次重报日期',
  caseJudged: '全案_一审判决日期', caseEffective: '全案_一审判决生效日期',
  charge: '审结案由', others: '审结其他案由', caseCharge: '全案_审结案由', caseOthers: '全案_审结其他案由', caseConcluded: '全案_审结日期',
  concluded: '审结日期', outcome: '审结处理情况', casePlea: '全案_审查起诉阶段检察机关适用认罪认罚', plea: '审查起诉阶段检察机关适用认罪认罚',
  requalified: '改变移送审查起诉认定情形', notResubmitted: '一次退查后未重报事由', laundered: '掩饰隐瞒犯罪所得、犯罪所得收益数额（万元）',
  approvedAmount: '审定数额（万元）', prosecuted: '提起公诉日期', procedure: '庭审程序', hearing: '出庭日期', judged: '一审判决日期',
  courtCircumstances: '裁判认定法定情节', trialPlea: '审判阶段适用认罪认罚', pleaSummary: '审判阶段适用认罪认罚情况', adopted: '是否法院采纳量刑建议',
  verdictCharge: '一审判决罪名/案由', verdictOthers: '一审判决其他罪名/案由', sentence: '一审宣告刑', months: '一审宣告刑刑期',
  fine: '一审罚金数额（万元）', recharacterised: '裁判改变起诉情形', receipt: '一审判决书收到日期', appeal: '上诉日期', effective: '一审判决生效日期',
  recType: '审查起诉阶段提出量刑建议类型', recKind: '审查起诉阶段量刑建议刑种',
  prisonFrom: '审查起诉阶段量刑建议（自）有期徒刑刑期', prisonTo: '审查起诉阶段量刑建议（到）有期徒刑刑期',
  detentionFrom: '审查起诉阶段量刑建议（自）拘役刑期', detentionTo: '审查起诉阶段量刑建议（到）拘役刑期',
  fineFrom: '审查起诉阶段量刑建议（自）罚金数额', fineTo: '审查起诉阶段量刑建议（到）罚金数额',
} as const

export class ProsecutionRows {
  readonly header = exportColumns('020101')
  private readonly cells: string[] = new Array<string>(this.header.length).fill('')
  private readonly col = columnSlots(this.header, NAMES)
  private readonly noFlags = NO_FLAGS.map((name) => this.header.indexOf(name))
  private readonly amounts = AMOUNT_FIELDS.map((name) => this.header.indexOf(name))

  /** The cells of one suspect's row (the same array every call: copy it to keep it). */
  render(c: DemoCase, person: Person, day: DayText): string[] {
    const stage = c.prosecution!
    const cells = this.cells
    const col = this.col
    cells.fill('')
    cells[col.caseNumber] = stage.caseNumber
    cells[col.caseName] = stage.name
    cells[col.name] = person.name
    cells[col.accepted] = cells[col.caseAccepted] = day(stage.accepted)
    cells[col.department] = c.unit.departments[c.department]
    cells[col.prosecutor] = c.prosecutor
    cells[col.suspectId] = person.suspectId
    cells[col.caseTransfer] = stage.charges[0].name
    cells[col.caseTransferOthers] = otherCharges(stage.charges)
    cells[col.transfer] = person.charges[0].name
    cells[col.transferOthers] = otherCharges(person.charges)
    cells[col.opinion] = '移送起诉'
    cells[col.age] = String(person.age)
    cells[col.measure] = person.measure
    cells[col.prior] = person.prior ? '刑事处罚' : '无'
    cells[col.circumstances] = person.circumstances
    cells[col.victim] = c.facts.victim
    cells[col.injury] = c.facts.injury
    cells[col.online] = c.online ? '是' : '否'
    for (const flag of this.noFlags) cells[flag] = '否'
    cells[col.recovery] =
      isPropertyCharge(stage.finalCharge) || isPropertyCharge(stage.charges[0].name) ? '是' : '否'
    cells[col.ipType] = c.facts.ip[0]
    cells[col.ipSource] = c.facts.ip[1]
    cells[col.ipCountry] = c.facts.ip[2]
    cells[col.bail] = amountText(person.bail)
    cells[col.sex] = person.sex
    cells[col.birth] = person.birth
    cells[col.idCard] = person.idCard
    cells[col.return1] = day(stage.returns[0])
    cells[col.resubmit1] = day(stage.returns[1])
    cells[col.return2] = day(stage.returns[2])
    cells[col.resubmit2] = day(stage.returns[3])
    // Case-level trial dates go on every row of the case, whatever each suspect's outcome; the
    // judgment is final for the case only when every suspect was tried and nobody appealed (R048).
    if (stage.procedure) {
      cells[col.caseJudged] = day(stage.judged)
      if (stage.persons.every((p) => p.outcome === '起诉' && !p.appealed))
        cells[col.caseEffective] = day(stage.receipt + EFFECT_AFTER)
    }
    const concluded = day(stage.concluded)
    if (concluded) this.concluded(stage, person, concluded, day)
    return cells
  }

  private concluded(stage: ProsecutionStage, person: Person, concluded: string, day: DayText): void {
    const cells = this.cells
    const col = this.col
    cells[col.charge] = cells[col.caseCharge] = stage.finalCharge
    cells[col.others] = otherCharges(person.charges)
    cells[col.caseOthers] = otherCharges(stage.charges)
    cells[col.concluded] = cells[col.caseConcluded] = concluded
    cells[col.outcome] = person.outcome
    cells[col.casePlea] = stage.persons.some((p) => p.plea) ? '是' : '否'
    cells[col.plea] = person.plea ? '是' : '否'
    if (stage.changed) cells[col.requalified] = '改变定性'
    if (person.outcome === '退查后未重报') cells[col.notResubmitted] = '侦查机关未在补充侦查期限内重新移送'
    if (person.amounts) {
      for (let i = 0; i < this.amounts.length; i++) cells[this.amounts[i]] = amountText(person.amounts[i])
      cells[col.approvedAmount] = amountText(person.amounts[0])
      if (stage.finalCharge === LAUNDERING) cells[col.laundered] = amountText(person.amounts[0])
    }
    if (person.outcome !== '起诉') return
    cells[col.prosecuted] = concluded
    cells[col.procedure] = stage.procedure
    this.recommendation(person)
    cells[col.hearing] = day(stage.hearing)
    const judged = day(stage.judged)
    if (!judged) return
    const verdict = person.verdict!
    cells[col.judged] = judged
    cells[col.courtCircumstances] = person.circumstances
    cells[col.trialPlea] = person.trialPlea ? '是' : '否'
    cells[col.pleaSummary] = pleaSummary(person.plea, person.trialPlea)
    if (verdict.adopted !== null) cells[col.adopted] = verdict.adopted ? '是' : '否'
    cells[col.verdictCharge] = verdict.charge
    cells[col.verdictOthers] = otherCharges(person.charges)
    cells[col.sentence] = verdict.kind
    if (verdict.kind !== '无期徒刑') cells[col.months] = String(verdict.months)
    cells[col.fine] = amountText(verdict.fine)
    if (verdict.charge !== stage.finalCharge) cells[col.recharacterised] = '改变定性'
    cells[col.receipt] = day(stage.receipt)
    if (person.appealed) cells[col.appeal] = day(person.appealDay)
    else cells[col.effective] = day(stage.receipt + EFFECT_AFTER)
  }

  private recommendation(person: Person): void {
    const rec = person.recommendation
    if (!rec) return
    const cells = this.cells
    const col = this.col
    cells[col.recType] = rec.type
    cells[col.recKind] = rec.kind
    if (rec.kind === '有期徒刑') {
      cells[col.prisonFrom] = String(rec.from)
      cells[col.prisonTo] = String(rec.to)
    } else if (rec.kind === '拘役') {
      cells[col.detentionFrom] = String(rec.from)
      cells[col.detentionTo] = String(rec.to)
    }
    if (rec.fine > 0) cells[col.fineFrom] = cells[col.fineTo] = amountText(rec.fine)
  }
}

/** 审判阶段适用认罪认罚情况 from the two stages' flags (R057). */
export function pleaSummary(review: boolean, trial: boolean): string {
  if (review && trial) return '均适用'
  if (!review && !trial) return '均未适用'
  return review ? '审判阶段未适用' : '审查起诉未适用'
}
