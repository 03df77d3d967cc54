/**
 * The shapes of a demo case: its 审查逮捕 and 审查起诉 stages with their dates (day numbers), the
 * suspects, and what generating one needs to know.
 */
import type { AnomalyPlan } from './anomalies.ts'
import type { Charge, Distributions } from './distributions.ts'
import type { DemoUnit } from './hierarchy.ts'
import type { Person } from './persons.ts'
import type { Random } from './random.ts'
import type { Intercepts, UnitRates } from './rates.ts'

export interface ArrestStage {
  caseNumber: string
  name: string
  accepted: number
  concluded: number
  executed: number
  receipt: number
}

export interface ProsecutionStage {
  caseNumber: string
  name: string
  persons: Person[]
  /** The charges of the suspects transferred (the case's, less those only dropped suspects had). */
  charges: Charge[]
  accepted: number
  concluded: number
  /** 一次退查, 一次重报, 二次退查, 二次重报 (NaN: none). */
  returns: [number, number, number, number]
  /** Main charge at conclusion (审结案由), when 审查起诉 changed it (改变定性). */
  finalCharge: string
  changed: boolean
  procedure: '' | '速裁程序' | '简易程序' | '普通程序'
  hearing: number
  judged: number
  receipt: number
}

export interface DemoCase {
  unit: DemoUnit
  department: number
  prosecutor: string
  charges: Charge[]
  online: boolean
  persons: Person[]
  entry: number
  facts: CaseFacts
  arrest: ArrestStage | null
  prosecution: ProsecutionStage | null
}

/** Texts that describe the case as a whole, the same on every card of it. */
export interface CaseFacts {
  victim: string
  injury: string
  laundering: string
  ip: [string, string, string]
}

export interface CaseContext {
  random: Random
  distributions: Distributions
  units: DemoUnit[]
  rates: UnitRates[]
  intercepts: Intercepts
  anomalies: AnomalyPlan
  /** County codes for 身份证号 areas. */
  areas: readonly string[]
}
