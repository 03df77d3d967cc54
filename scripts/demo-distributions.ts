/**
 * Derives resources/demo/distributions.json (the demo province's charge mix and sentence
 * distributions) from the team's reference data, outside the repository:
 *
 *   node bin/run-ts.mjs scripts/demo-distributions.ts ../shared/data [out.json]
 *
 * Reads `cail2018-sample.jsonl` (real judgments; research use only) and `charges.csv` (official
 * charge list with articles). Only counts leave this script: no fact text, no names, nothing that
 * could identify a judgment. See resources/demo/README.md for what comes from where.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { CASELOAD, CAIL_RENAMES, EXCLUDED_FROM_TAIL, HAND_TERMS, TAIL_DEFAULTS } from './demo-caseload.ts'

const dataDir = path.resolve(process.argv[2] ?? '../shared/data')
const outFile = path.resolve(process.argv[3] ?? 'resources/demo/distributions.json')
/** Fewer judgments than this give too ragged a histogram: pool instead (see README). */
const MIN_CASES = 30

interface CailMeta {
  accusation: string[]
  punish_of_money: number
  term_of_imprisonment: { imprisonment: number; life_imprisonment: boolean; death_penalty: boolean }
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

// Official names and their articles → chapter of Part II of the Criminal Law (rules.md "Charge groups").
const articles = new Map<string, string>()
for (const line of fs.readFileSync(path.join(dataDir, 'charges.csv'), 'utf8').split('\n').slice(1)) {
  const match = /^\d+,([^,]+),第(\d+)条(之[一二三四五六七八九十]+)?/.exec(line)
  if (match) articles.set(match[1], match[2] + (match[3] ?? ''))
}
function chapterOf(article: string): number {
  const n = Number.parseInt(article, 10)
  const bounds = [113, 139, 231, 262, 276, 367, 381, 396, 419, 451]
  return bounds.findIndex((upper) => n <= upper) + 1
}

/** CAIL label → official name: drop the brackets, add 罪, then apply the post-2015 renames. */
function officialName(label: string): string | null {
  const name = label.replace(/[[\]]/g, '') + '罪'
  const renamed = CAIL_RENAMES[name] ?? name
  return articles.has(renamed) ? renamed : null
}

interface Tally {
  labelled: number
  single: Outcome[]
  any: Outcome[]
}
interface Outcome {
  months: number
  life: boolean
  fine: number
}
const tallies = new Map<string, Tally>()
for (const line of fs.readFileSync(path.join(dataDir, 'cail2018-sample.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue
  const meta = (JSON.parse(line) as { meta: CailMeta }).meta
  const term = meta.term_of_imprisonment
  // Death sentences become 无期徒刑 in the demo: the 020101 value list has no 死刑.
  const outcome = {
    months: term.imprisonment,
    life: term.life_imprisonment || term.death_penalty,
    fine: meta.punish_of_money,
  }
  const names = meta.accusation.map(officialName).filter((n): n is string => n !== null)
  for (const name of names) {
    const tally = tallies.get(name) ?? { labelled: 0, single: [], any: [] }
    tally.labelled++
    tally.any.push(outcome)
    if (meta.accusation.length === 1) tally.single.push(outcome)
    tallies.set(name, tally)
  }
}

type TermSource = 'cail-single' | 'cail-any' | 'cail-chapter' | 'hand'
function termStats(outcomes: Outcome[], source: TermSource) {
  const histogram = new Map<number, number>()
  let life = 0
  for (const o of outcomes) {
    if (o.life) life++
    else if (o.months > 0) histogram.set(o.months, (histogram.get(o.months) ?? 0) + 1)
  }
  const months = [...histogram.entries()].sort((a, b) => a[0] - b[0])
  const fines = outcomes
    .filter((o) => o.fine > 0)
    .map((o) => o.fine)
    .sort((a, b) => a - b)
  const q = (p: number) => round4(fines[Math.min(fines.length - 1, Math.floor(p * fines.length))] / 10000)
  // A hand-set fine is one typical amount: spread it like the CAIL quantiles of common charges.
  const spread =
    source === 'hand' && fines.length > 0
      ? [0.4, 0.6, 1, 1.6, 2.5].map((f) => round4((f * fines[0]) / 10000))
      : null
  return {
    source,
    cases: outcomes.length,
    months,
    life,
    fineShare: round4(fines.length / Math.max(1, outcomes.length)),
    fineWan: spread ?? (fines.length >= 10 ? [q(0.1), q(0.25), q(0.5), q(0.75), q(0.9)] : null),
  }
}
const round4 = (x: number) => Math.round(x * 10000) / 10000

const chapterPools = new Map<number, Outcome[]>()
for (const [name, tally] of tallies) {
  const chapter = chapterOf(articles.get(name)!)
  chapterPools.set(chapter, [...(chapterPools.get(chapter) ?? []), ...tally.single])
}

/** Sentences of a charge, or `{ pool: chapter }` to use the chapter's pooled judgments (stored once). */
function termFor(name: string, chapter: number) {
  const hand = HAND_TERMS[name]
  const tally = tallies.get(name)
  if (tally && tally.single.length >= MIN_CASES) return termStats(tally.single, 'cail-single')
  if (tally && tally.any.length >= MIN_CASES) return termStats(tally.any, 'cail-any')
  if (hand) {
    const outcomes = hand.months.flatMap(([months, n]) =>
      Array.from({ length: n }, () => ({ months, life: false, fine: hand.fine })),
    )
    return termStats(outcomes, 'hand')
  }
  usedPools.add(chapter)
  return { source: 'cail-chapter' as const, pool: chapter }
}
const usedPools = new Set<number>()

const listed = new Set(CASELOAD.map((c) => c.name))
const listedWeight = CASELOAD.reduce((sum, c) => sum + c.weight, 0)
const tail = [...tallies.entries()].filter(([name]) => {
  const chapter = chapterOf(articles.get(name)!)
  return !listed.has(name) && !EXCLUDED_FROM_TAIL.has(name) && chapter !== 1 && chapter !== 10
})
// Square roots damp the sample's skew (it is not a random draw: 危害国家重点保护植物 alone has 134 judgments).
const tailCount = tail.reduce((sum, [, t]) => sum + Math.sqrt(t.labelled), 0)

const charges = [
  ...CASELOAD.map((profile) => ({ ...profile, weightSource: 'caseload' as const })),
  ...tail.map(([name, t]) => ({
    ...TAIL_DEFAULTS(chapterOf(articles.get(name)!)),
    name,
    weight: round4(((1 - listedWeight) * Math.sqrt(t.labelled)) / tailCount),
    weightSource: 'cail-tail' as const,
  })),
].map((profile) => {
  const article = articles.get(profile.name)
  if (!article) throw new Error(`not an official charge name: ${profile.name}`)
  const chapter = chapterOf(article)
  return {
    ...profile,
    article,
    chapter,
    cailCases: tallies.get(profile.name)?.labelled ?? 0,
    term: termFor(profile.name, chapter),
  }
})

const pools = Object.fromEntries(
  [...usedPools]
    .sort((a, b) => a - b)
    .map((ch) => [ch, termStats(chapterPools.get(ch) ?? [], 'cail-chapter')]),
)
const header = {
  note: 'Generated by scripts/demo-distributions.ts; see README.md in this folder. Do not edit by hand.',
  derivedFrom: {
    'cail2018-sample.jsonl': sha256(path.join(dataDir, 'cail2018-sample.jsonl')),
    'charges.csv': sha256(path.join(dataDir, 'charges.csv')),
  },
}
// One charge per line: small, and diffs show which charge changed.
const body = [
  JSON.stringify(header).slice(0, -1) + ',',
  '"pools":{',
  Object.entries(pools)
    .map(([ch, stats]) => `${JSON.stringify(ch)}:${JSON.stringify(stats)}`)
    .join(',\n') + '},',
  '"charges":[',
  charges.map((charge) => JSON.stringify(charge)).join(',\n'),
  ']}',
].join('\n')
fs.mkdirSync(path.dirname(outFile), { recursive: true })
fs.writeFileSync(outFile, body + '\n')
const tailShare = (1 - listedWeight) * 100
console.log(
  `${charges.length} charges (${CASELOAD.length} caseload + ${tail.length} CAIL tail, tail ${tailShare.toFixed(1)}%) → ${outFile}`,
)
for (const c of charges.filter((c) => c.term.source !== 'cail-single'))
  console.log(
    `  ${c.name}: sentences from ${c.term.source} (${'cases' in c.term ? c.term.cases : `pool ${c.term.pool}`})`,
  )
