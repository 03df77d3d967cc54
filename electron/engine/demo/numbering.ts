import { fromDayNumber } from '../../../shared/values/date.ts'
import { caseName } from './case-facts.ts'
import type { DemoCase } from './case-types.ts'
import type { DemoUnit } from './hierarchy.ts'

const yearOf = (day: number) => Number(fromDayNumber(day).slice(0, 4))

/**
 * Numbers in order of receipt, per handling unit and year: 嫌疑人编号 (unit code + year + 6 digits)
 * when the suspect first enters, 部门受案号 per stage ({院简称}捕受 / 诉受[年]{单位编码}{5 digits}号).
 */
export function assignNumbers(
  unit: DemoUnit,
  cases: DemoCase[],
): { arrests: DemoCase[]; prosecutions: DemoCase[] } {
  const byEntry = [...cases].sort((a, b) => a.entry - b.entry)
  const serial = new Map<string, number>()
  const next = (key: string) => {
    const n = (serial.get(key) ?? 0) + 1
    serial.set(key, n)
    return n
  }
  for (const c of byEntry) {
    const year = yearOf(c.entry)
    for (const person of c.persons)
      person.suspectId = `${unit.code}${year}${String(next(`p${year}`)).padStart(6, '0')}`
  }
  const arrests = cases.filter((c) => c.arrest).sort((a, b) => a.arrest!.accepted - b.arrest!.accepted)
  for (const c of arrests) {
    const year = yearOf(c.arrest!.accepted)
    c.arrest!.caseNumber = `${unit.shortName}捕受[${year}]${unit.code}${String(next(`a${year}`)).padStart(5, '0')}号`
    c.arrest!.name = caseName(
      c.persons[0].name,
      c.persons.length,
      c.charges.map((ch) => ch.name),
    )
  }
  const prosecutions = cases
    .filter((c) => c.prosecution)
    .sort((a, b) => a.prosecution!.accepted - b.prosecution!.accepted)
  for (const c of prosecutions) {
    const stage = c.prosecution!
    const year = yearOf(stage.accepted)
    stage.caseNumber = `${unit.shortName}诉受[${year}]${unit.code}${String(next(`s${year}`)).padStart(5, '0')}号`
    stage.name = caseName(
      stage.persons[0].name,
      stage.persons.length,
      stage.charges.map((ch) => ch.name),
    )
  }
  return { arrests, prosecutions }
}
