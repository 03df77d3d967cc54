/**
 * Province-level figures of the generated exports, counted from the rendered rows (so injected
 * errors are included, as an analyst would see them) with the formulas of indicators.md: by person,
 * decisions dated (审结日期) inside the window.
 */
import type { DemoKind } from './columns.ts'

export interface DemoRates {
  不捕率: number
  不诉率: number
  认罪认罚从宽制度适用率: number
  确定刑量刑建议提出率: number
  量刑建议采纳率: number
  诉前羁押率: number
  未成年人占比: number
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : 0)

export class RateTally {
  private approved = 0
  private refused = 0
  private prosecuted = 0
  private dropped = 0
  private concluded = 0
  private pleaded = 0
  private recommended = 0
  private fixed = 0
  private answered = 0
  private adopted = 0
  private persons = 0
  private minors = 0
  private readonly col: Record<DemoKind, (name: string) => number>

  constructor(
    headers: Record<DemoKind, readonly string[]>,
    /** Last day of the window, 'YYYY-MM-DD'. */
    private readonly last: string,
  ) {
    const index = (header: readonly string[]) => (name: string) => header.indexOf(name)
    this.col = { '010101': index(headers['010101']), '020101': index(headers['020101']) }
  }

  private readonly a = { concluded: -1, result: -1 }
  private readonly p = { concluded: -1, outcome: -1, plea: -1, type: -1, adopted: -1, age: -1 }

  add(kind: DemoKind, cells: readonly string[]): void {
    if (kind === '010101') {
      if (this.a.concluded < 0)
        Object.assign(this.a, {
          concluded: this.col[kind]('审结日期'),
          result: this.col[kind]('审结处理结果'),
        })
      const concluded = cells[this.a.concluded]
      if (concluded === '' || concluded > this.last) return
      if (cells[this.a.result] === '批准逮捕') this.approved++
      else if (cells[this.a.result] === '不批准逮捕') this.refused++
      return
    }
    const p = this.p
    if (p.concluded < 0) {
      const at = this.col[kind]
      Object.assign(p, {
        concluded: at('审结日期'),
        outcome: at('审结处理情况'),
        plea: at('审查起诉阶段检察机关适用认罪认罚'),
        type: at('审查起诉阶段提出量刑建议类型'),
        adopted: at('是否法院采纳量刑建议'),
        age: at('作案时年龄'),
      })
    }
    this.persons++
    if (Number(cells[p.age]) < 18) this.minors++
    const concluded = cells[p.concluded]
    if (concluded === '' || concluded > this.last) return
    const outcome = cells[p.outcome]
    this.concluded++
    if (outcome === '起诉') this.prosecuted++
    else if (outcome.endsWith('不起诉')) this.dropped++
    if (cells[p.plea] === '是') this.pleaded++
    if (cells[p.type] !== '') {
      this.recommended++
      if (cells[p.type] === '确定刑量刑建议') this.fixed++
    }
    if (cells[p.adopted] !== '') {
      this.answered++
      if (cells[p.adopted] === '是') this.adopted++
    }
  }

  rates(): DemoRates {
    return {
      不捕率: ratio(this.refused, this.approved + this.refused),
      不诉率: ratio(this.dropped, this.prosecuted + this.dropped),
      认罪认罚从宽制度适用率: ratio(this.pleaded, this.concluded),
      确定刑量刑建议提出率: ratio(this.fixed, this.recommended),
      量刑建议采纳率: ratio(this.adopted, this.answered),
      诉前羁押率: ratio(this.approved, this.prosecuted + this.dropped),
      未成年人占比: ratio(this.minors, this.persons),
    }
  }
}
