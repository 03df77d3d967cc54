/**
 * A rendered row seen by name, for error injections: read and change cells by header, with every
 * change recorded (for the manifest) and undoable (when clean-check shows the rule did not fire).
 */
import { dayNumber, fromDayNumber } from '../../../shared/values/date.ts'
import type { Random } from './random.ts'

/** One kind of injected error. */
export interface Injection {
  /** The rule it breaks (clean-check id). */
  rule: string
  /** Relative frequency among the injections a row allows (default 1). */
  weight?: number
  applies(row: RowEditor): boolean
  apply(row: RowEditor): void
}

export class RowEditor {
  readonly changes: { field: string; from: string; to: string }[] = []
  caseSize = 1
  unitName = ''
  private header: readonly string[] = []
  private cells: string[] = []
  private positions = new Map<string, number>()

  constructor(
    readonly random: Random,
    /** Export date as a day number and as text. */
    readonly today: number,
    readonly todayText: string,
  ) {}

  load(header: readonly string[], cells: string[], caseSize: number, unitName: string): void {
    if (header !== this.header) {
      this.header = header
      this.positions = new Map(header.map((name, i) => [name, i]))
    }
    this.cells = cells
    this.caseSize = caseSize
    this.unitName = unitName
    this.changes.length = 0
  }

  get(name: string): string {
    const i = this.positions.get(name)
    return i === undefined ? '' : this.cells[i]
  }

  /** Day number of a date cell, NaN when blank. */
  day(name: string): number {
    const value = this.get(name)
    return value === '' ? Number.NaN : dayNumber(value)
  }

  set(name: string, value: string): void {
    const i = this.positions.get(name)
    if (i === undefined || this.cells[i] === value) return
    this.changes.push({ field: name, from: this.cells[i], to: value })
    this.cells[i] = value
  }

  /** Sets a date on the person's field and its 全案_ twin (single-suspect cases only). */
  setCaseDay(names: string[], day: number): void {
    for (const name of names) this.set(name, fromDayNumber(day))
  }

  revert(): void {
    for (let i = this.changes.length - 1; i >= 0; i--)
      this.cells[this.positions.get(this.changes[i].field)!] = this.changes[i].from
    this.changes.length = 0
  }

  /** The row as header → text, what clean-check reads. */
  record(): Record<string, string> {
    const row: Record<string, string> = {}
    this.header.forEach((name, i) => (row[name] = this.cells[i]))
    return row
  }
}
