/**
 * Injected data-quality errors: the known ground truth of the demo. A share of rendered rows gets
 * one error of a kind rules.md describes (R001–R076, §4.2, §4.3): a wrong or missing value, a date
 * out of order, an amount in 元 where 万元 was due. Each injection is confirmed with clean-check
 * (the rule must now fire) and recorded with the fields it changed and any other rule it trips.
 * Errors that would touch a 全案_ field only go into single-suspect cases, so 全案 columns still agree
 * within every case.
 */
import { checkRow } from './clean-check.ts'
import type { DemoKind } from './columns.ts'
import { INJECTIONS_ARREST } from './errors-arrest.ts'
import { INJECTIONS_PROSECUTION } from './errors-prosecution.ts'
import type { Random } from './random.ts'
import { RowEditor, type Injection } from './row-editor.ts'

export interface InjectedError {
  kind: DemoKind
  部门受案号: string
  嫌疑人编号: string
  /** The rule the error was made for. */
  rule: string
  /** Other rules the changed row now breaks too (from clean-check). */
  alsoViolates: string[]
  fields: { field: string; from: string; to: string }[]
}

/**
 * Decides, row by row, whether to inject an error, and which. Each unit has its own stream, so the
 * clean data never depends on the error rate.
 */
export class ErrorInjector {
  readonly errors: InjectedError[] = []
  private readonly editor: RowEditor

  constructor(
    private readonly rate: number,
    private readonly random: Random,
    today: number,
    todayText: string,
  ) {
    this.editor = new RowEditor(random, today, todayText)
  }

  /** Maybe changes `cells` (a row of `header`) in place; records what it did. */
  maybeInject(
    kind: DemoKind,
    header: readonly string[],
    cells: string[],
    caseSize: number,
    unitName: string,
  ): void {
    if (this.rate <= 0 || !this.random.chance(this.rate)) return
    const editor = this.editor
    editor.load(header, cells, caseSize, unitName)
    const candidates = (kind === '010101' ? INJECTIONS_ARREST : INJECTIONS_PROSECUTION).filter((i) =>
      i.applies(editor),
    )
    for (let attempt = 0; attempt < 4 && candidates.length > 0; attempt++) {
      const index = pickWeighted(this.random, candidates)
      const injection = candidates.splice(index, 1)[0]
      injection.apply(editor)
      const broken =
        editor.changes.length > 0
          ? checkRow(kind, editor.record(), { today: editor.todayText, caseSize })
          : []
      if (broken.includes(injection.rule)) {
        this.errors.push({
          kind,
          部门受案号: editor.get('部门受案号'),
          嫌疑人编号: editor.get('嫌疑人编号'),
          rule: injection.rule,
          alsoViolates: broken.filter((id) => id !== injection.rule),
          fields: [...editor.changes],
        })
        return
      }
      editor.revert()
    }
  }
}

function pickWeighted(random: Random, candidates: Injection[]): number {
  const total = candidates.reduce((sum, c) => sum + (c.weight ?? 1), 0)
  let target = random.next() * total
  for (let i = 0; i < candidates.length; i++) {
    target -= candidates[i].weight ?? 1
    if (target < 0) return i
  }
  return candidates.length - 1
}
