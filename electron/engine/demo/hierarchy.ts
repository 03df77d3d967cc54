/**
 * The demo province's three-level hierarchy (省院 → 市院 → 基层院) from the Jiangsu GB/T 2260
 * divisions (resources/divisions/jiangsu.csv): one procuratorate per division, named as real ones are
 * (南京市玄武区人民检察院, 江阴市人民检察院, 沛县人民检察院), with the 院简称 that prefixes its case
 * numbers, the police bureau that transfers its cases, departments and prosecutors.
 */
import fs from 'node:fs'
import path from 'node:path'
import { projectRoot } from '../project-root.ts'
import { personName } from './names.ts'
import type { Random } from './random.ts'

export type UnitLevel = 'province' | 'city' | 'county'
/** Which kind of department handles a charge (resources/demo/distributions.json `line`). */
export type Line = 'ordinary' | 'serious' | 'economic' | 'duty'

export interface DemoUnit {
  index: number
  /** Six-digit GB/T 2260 code of the division, also the 单位编码 in case numbers. */
  code: string
  /** 南京市玄武区人民检察院 */
  name: string
  /** 玄武区 */
  division: string
  level: UnitLevel
  parent: string | null
  /** 院简称 of case numbers: 玄检 (玄检捕受[2024]32010200001号). */
  shortName: string
  /** 侦查机关 / 移送单位 of ordinary criminal cases. */
  police: string
  /** The 市院 a 基层院 belongs to (itself for a 市院, -1 for the 省院). */
  cityIndex: number
  departments: string[]
  /** Prosecutors (员额检察官) of each department. */
  prosecutors: string[][]
  /** Relative caseload of a 基层院 (0 for the others: their cases come up from the counties). */
  size: number
}

// prettier-ignore
const CITY_ABBREVIATIONS: Record<string, string> = {
  南京市: '宁', 无锡市: '锡', 徐州市: '徐', 常州市: '常', 苏州市: '苏', 南通市: '通', 连云港市: '连',
  淮安市: '淮', 盐城市: '盐', 扬州市: '扬', 镇江市: '镇', 泰州市: '泰', 宿迁市: '宿',
}
/** Relative caseload per county unit by city: larger, richer cities see more crime per district. */
// prettier-ignore
const CITY_FACTORS: Record<string, number> = {
  南京市: 1.3, 无锡市: 1.2, 徐州市: 1.1, 常州市: 1.1, 苏州市: 1.5, 南通市: 1.0, 连云港市: 0.9,
  淮安市: 0.9, 盐城市: 0.9, 扬州市: 0.9, 镇江市: 0.8, 泰州市: 0.9, 宿迁市: 1.0,
}
const COUNTY_DEPARTMENTS = ['第一检察部', '第二检察部', '未成年人检察部']
const UPPER_DEPARTMENTS = ['第一检察部', '第二检察部', '第三检察部', '第四检察部', '未成年人检察部']

interface Division {
  code: string
  name: string
  level: UnitLevel
  parent: string | null
}

/** Reads the divisions file: code,name,level,parent_code. */
export function loadDivisions(
  file = path.join(projectRoot(), 'resources', 'divisions', 'jiangsu.csv'),
): Division[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n').slice(1)
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [code, name, level, parent] = line.trim().split(',')
      return { code, name, level: level as UnitLevel, parent: parent || null }
    })
}

/** The units in code order (province, then cities, then counties of each city). */
export function buildHierarchy(random: Random, divisions = loadDivisions()): DemoUnit[] {
  const byCode = new Map(divisions.map((d) => [d.code, d]))
  const ordered = [...divisions].sort(
    (a, b) => levelRank(a.level) - levelRank(b.level) || a.code.localeCompare(b.code),
  )
  const units: DemoUnit[] = []
  const indexOf = new Map<string, number>()
  for (const division of ordered) {
    const city = division.level === 'county' ? byCode.get(division.parent!)! : division
    const index = units.length
    indexOf.set(division.code, index)
    const departments = division.level === 'county' ? COUNTY_DEPARTMENTS : UPPER_DEPARTMENTS
    const size =
      division.level === 'county'
        ? random.lognormal(1, 0.45) *
          (CITY_FACTORS[city.name] ?? 1) *
          (division.name.endsWith('县') ? 0.85 : 1)
        : 0
    units.push({
      index,
      code: division.code,
      name: unitName(division, city),
      division: division.name,
      level: division.level,
      parent: division.parent,
      shortName: '',
      police: policeName(division, city),
      cityIndex:
        division.level === 'province' ? -1 : division.level === 'city' ? index : indexOf.get(city.code)!,
      departments,
      prosecutors: departments.map((_, d) =>
        prosecutorNames(random, prosecutorCount(division.level, d, size)),
      ),
      size,
    })
  }
  assignShortNames(units)
  return units
}

const levelRank = (level: UnitLevel) => (level === 'province' ? 0 : level === 'city' ? 1 : 2)

function unitName(division: Division, city: Division): string {
  if (division.level !== 'county') return `${division.name}人民检察院`
  // Districts carry their city's name; county-level cities and counties are known by their own.
  return division.name.endsWith('区')
    ? `${city.name}${division.name}人民检察院`
    : `${division.name}人民检察院`
}

function policeName(division: Division, city: Division): string {
  if (division.level === 'province') return `${division.name}公安厅`
  if (division.level === 'city' || !division.name.endsWith('区')) return `${division.name}公安局`
  return `${city.name}公安局${division.name.slice(0, -1)}分局`
}

/**
 * 院简称: the city's one-character abbreviation, or the division's first character, + 检. A unit whose
 * name would repeat its parent's or an earlier sibling's (锡山区 under 无锡市) takes two characters.
 */
function assignShortNames(units: DemoUnit[]): void {
  const taken = new Map<string | null, Set<string>>()
  for (const unit of units) {
    const first =
      unit.level === 'province'
        ? '苏'
        : unit.level === 'city'
          ? (CITY_ABBREVIATIONS[unit.division] ?? unit.division[0])
          : unit.division[0]
    const parentShort = units.find((u) => u.code === unit.parent)?.shortName
    const siblings = taken.get(unit.parent) ?? new Set<string>()
    let short = `${first}检`
    if (short === parentShort || siblings.has(short)) short = `${unit.division.slice(0, 2)}检`
    siblings.add(short)
    taken.set(unit.parent, siblings)
    unit.shortName = short
  }
}

function prosecutorCount(level: UnitLevel, department: number, size: number): number {
  if (level !== 'county') return department === 0 ? 6 : 4
  if (department === 0) return 4 + Math.round(size * 3)
  return department === 1 ? 3 + Math.round(size * 1.5) : 2
}

function prosecutorNames(random: Random, count: number): string[] {
  const names = new Set<string>()
  while (names.size < count) names.add(personName(random, random.chance(0.45) ? '女' : '男'))
  return [...names]
}

/**
 * The department of a case: 未成年人检察部 for any case with a minor; otherwise by charge line
 * (基层院: 第一检察部 for ordinary crime, 第二检察部 for the rest; 市院 and 省院 have one per line).
 */
export function departmentFor(unit: DemoUnit, line: Line, juvenile: boolean): number {
  if (juvenile) return unit.departments.length - 1
  if (unit.level === 'county') return line === 'ordinary' ? 0 : 1
  return line === 'ordinary' ? 0 : line === 'serious' ? 1 : line === 'duty' ? 2 : 3
}
