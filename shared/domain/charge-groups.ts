/**
 * Charge groups (罪名类别) the data-quality rules test: the ten chapters of Part II of the Criminal
 * Law and a few named groups (职务犯罪, 侵犯知识产权罪, 恐怖活动犯罪, 伤亡类犯罪). The data is
 * resources/charges/groups.json, derived from the official charge list by
 * scripts/derive-charge-groups.ts (see resources/charges/README.md). A group's members are the
 * current names in it, the former names of those charges, and the system's annotated form
 * `现名（原旧名）`, because exports carry all three.
 */
import data from '../../resources/charges/groups.json' with { type: 'json' }

/** A group as written in groups.json: by chapter, by article range, or by an explicit list. */
export interface ChargeGroupDefinition {
  name: string
  aliases: string[]
  description: string
  chapters?: number[]
  /** Inclusive article ranges, e.g. [[213, 220]]; `第120条之六` counts as article 120. */
  articles?: [number, number][]
  charges?: string[]
}

export interface ChargeGroupsFile {
  source: { file: string; sha256: string; derivedBy: string }
  chapters: { chapter: number; name: string; from: number; to: number }[]
  groups: ChargeGroupDefinition[]
  formerNames: { name: string; current: string; since: string }[]
  charges: { name: string; provision: string; article: number; chapter: number }[]
}

export interface ChargeGroup {
  name: string
  aliases: readonly string[]
  description: string
  /** Every name that counts as a member, sorted by code point (SQLite's BINARY order). */
  members: readonly string[]
}

const FILE = data as ChargeGroupsFile

function inGroup(group: ChargeGroupDefinition, charge: ChargeGroupsFile['charges'][number]): boolean {
  if (group.chapters?.includes(charge.chapter)) return true
  if (group.articles?.some(([from, to]) => charge.article >= from && charge.article <= to)) return true
  return group.charges?.includes(charge.name) ?? false
}

function membersOf(group: ChargeGroupDefinition): string[] {
  const names = new Set<string>()
  for (const charge of FILE.charges) if (inGroup(group, charge)) names.add(charge.name)
  for (const former of FILE.formerNames) {
    if (!names.has(former.current)) continue
    names.add(former.name)
    names.add(`${former.current}（原${former.name}）`)
  }
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

let groups: ChargeGroup[] | null = null

/** All groups: the ten chapters first (in order), then the named ones. */
export function chargeGroups(): readonly ChargeGroup[] {
  groups ??= FILE.groups.map((g) => ({
    name: g.name,
    aliases: g.aliases,
    description: g.description,
    members: membersOf(g),
  }))
  return groups
}

/** The ten chapter groups, 第一章 … 第十章. */
export function chapterGroups(): readonly ChargeGroup[] {
  return chargeGroups().slice(0, FILE.chapters.length)
}

/**
 * A group by its name or an alias.
 *
 * @example findChargeGroup('第五章')?.name === '侵犯财产罪'
 */
export function findChargeGroup(name: string): ChargeGroup | undefined {
  const wanted = name.trim()
  return chargeGroups().find((g) => g.name === wanted || g.aliases.includes(wanted))
}

/** Every group name and alias, for "是否为…" suggestions. */
export function chargeGroupNames(): string[] {
  return chargeGroups().flatMap((g) => [g.name, ...g.aliases])
}
