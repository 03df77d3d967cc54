/**
 * Recognises the known 2.0 drill-down exports (010101 审查逮捕, 020101 一审公诉) from their headers
 * and gives every column its dictionary definition (resources/kinds/*.json).
 *
 * Real exports vary (case-cards.md §3.3): columns go missing, extra ones appear, order changes and
 * hand-edited headers use full-width brackets or spaces. So a kind is recognised from its record
 * key plus a signature subset of headers (or most of its distinctive headers), never the full list.
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { DatasetKind, FieldDefinition } from '../../../shared/domain/fields.ts'
import { normalizeWidth } from '../../../shared/values/width.ts'
import { projectRoot } from '../project-root.ts'

/** A dictionary entry: a FieldDefinition plus what only the dictionary knows. */
export interface DictionaryField extends FieldDefinition {
  /** Values live in resources/<codeTable>/…, e.g. 'charges' (483 罪名), instead of `values`. */
  codeTable?: string
  /** True when `values` (or the code table) is the complete vocabulary; false: known values only. */
  closed?: boolean
  /** One of the seven headers both exports share. */
  common?: boolean
  /** Not in the documented header list, but a column real exports may carry. */
  optional?: boolean
}

export interface KindDictionary {
  kind: Exclude<DatasetKind, 'generic'>
  title: string
  source: string
  /** Record key: 部门受案号 + 嫌疑人编号. */
  key: string[]
  /** Headers that identify the kind when all present. */
  signature: string[]
  fields: DictionaryField[]
}

/** One column of the file as detected. */
export interface DetectedField extends DictionaryField {
  /** The header exactly as written in the file (`name` is the dictionary's spelling when known). */
  header: string
  /** False when no dictionary knows the header: the caller infers its type from the data. */
  known: boolean
}

export interface DetectedKind {
  kind: DatasetKind
  /** Dictionary names of the headers the chosen dictionary knows, in header order. */
  matched: string[]
  /** One per header, in header order. */
  fields: DetectedField[]
  /** Record key fields present in the file (empty when it has none). */
  keyFields: string[]
}

/** Share of a kind's distinctive headers that recognises it even without the full signature. */
export const KIND_SHARE_THRESHOLD = 0.6

const KINDS = ['010101', '020101'] as const
const KEY_FIELDS = ['部门受案号', '嫌疑人编号']

const fieldSchema = z.object({
  name: z.string().min(1),
  type: z.enum(['integer', 'decimal', 'date', 'boolean', 'text', 'code', 'set']),
  role: z
    .enum([
      'caseNumber',
      'suspectId',
      'unitCode',
      'prosecutor',
      'department',
      'charge',
      'amount',
      'attribute',
    ])
    .optional(),
  values: z.array(z.string()).optional(),
  closed: z.boolean().optional(),
  codeTable: z.string().optional(),
  common: z.boolean().optional(),
  optional: z.boolean().optional(),
  description: z.string().optional(),
})
const dictionarySchema = z.object({
  kind: z.enum(KINDS),
  title: z.string(),
  source: z.string(),
  key: z.array(z.string()),
  signature: z.array(z.string()),
  fields: z.array(fieldSchema),
})

const cache = new Map<string, KindDictionary[]>()

function defaultResourcesDir(): string {
  return path.join(projectRoot(), 'resources')
}

/** The two dictionaries, read once from resources/kinds and checked against the schema. */
export function loadKindDictionaries(resourcesDir = defaultResourcesDir()): KindDictionary[] {
  let loaded = cache.get(resourcesDir)
  if (loaded === undefined) {
    loaded = KINDS.map((kind) => readDictionary(resourcesDir, kind))
    cache.set(resourcesDir, loaded)
  }
  return loaded
}

function readDictionary(resourcesDir: string, kind: KindDictionary['kind']): KindDictionary {
  const file = path.join(resourcesDir, 'kinds', `${kind}.json`)
  // A broken shipped resource is a bug, not an analyst error: let zod's message name the field.
  const parsed = dictionarySchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
  if (parsed.kind !== kind) throw new Error(`${file}: kind ${parsed.kind} ≠ ${kind}`)
  const fields = parsed.fields.map((field) => ({ ...field, source: 'dictionary' as const }))
  return { ...parsed, fields } satisfies KindDictionary
}

/** Values of a code table named by a dictionary field, e.g. 'charges' → the 483 罪名. */
export function loadCodeTable(name: string, resourcesDir = defaultResourcesDir()): string[] {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`bad code table name: ${name}`)
  const text = fs.readFileSync(path.join(resourcesDir, name, `${name}.txt`), 'utf8')
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
}

/**
 * The form headers are compared in: full-width digits/letters folded, （）［］／＿ as ASCII, all white
 * space removed. 'ABC（万元） ' and 'ABC(万元)' match.
 */
export function headerKey(header: string): string {
  const text = normalizeWidth(header)
  let key = ''
  for (const char of text) {
    switch (char) {
      case '（':
        key += '('
        break
      case '）':
        key += ')'
        break
      case '［':
        key += '['
        break
      case '］':
        key += ']'
        break
      case '／':
        key += '/'
        break
      case '＿':
        key += '_'
        break
      default:
        if (char.trim() !== '') key += char
    }
  }
  return key
}

interface Candidate {
  dictionary: KindDictionary
  byKey: Map<string, DictionaryField>
  signatureComplete: boolean
  share: number
  found: number
}

/** Distinctive headers that recognise a narrow export (analysts configure which columns to export). */
const NARROW_EXPORT_MINIMUM = 3

/**
 * Decides the export kind and gives each header its definition.
 *
 * A kind is recognised when both key fields are present and either its whole signature or at least
 * 60% of its distinctive headers (those in its documented list but not in the other kind's) are,
 * or, for a narrow export with few columns, at least three distinctive headers and none of the other kind's.
 * When both qualify, the one with the larger share wins. Headers the chosen kind does not know but
 * the other kind does (fields migrate between the two exports) take the other definition. A generic
 * export still gets the seven common definitions (部门受案号, 受理日期 …) and, when 部门受案号 and
 * 嫌疑人编号 are both there, its key fields.
 *
 * @example detectKind(['嫌疑人编号', '部门受案号', '审结处理结果', '不捕情形', '应当逮捕情形']).kind === '010101'
 */
export function detectKind(headers: string[], dictionaries = loadKindDictionaries()): DetectedKind {
  const keys = headers.map(headerKey)
  const present = new Set(keys)
  const candidates = dictionaries.map((dictionary) => candidateFor(dictionary, dictionaries, present))
  const recognised = candidates
    .filter((c) => c.dictionary.key.every((k) => present.has(headerKey(k))))
    .filter(
      (c) =>
        c.signatureComplete ||
        c.share >= KIND_SHARE_THRESHOLD ||
        (c.found >= NARROW_EXPORT_MINIMUM && candidates.every((o) => o === c || o.found === 0)),
    )
    .sort((a, b) => b.share - a.share || Number(b.signatureComplete) - Number(a.signatureComplete))
  const chosen = recognised[0]

  const lookups: Map<string, DictionaryField>[] = chosen
    ? [chosen.byKey, ...candidates.filter((c) => c !== chosen).map((c) => c.byKey)]
    : [commonFields(candidates)]
  const used = new Set<string>()
  const matched: string[] = []
  const fields = headers.map((header, index): DetectedField => {
    const key = keys[index]
    const definition = used.has(key) ? undefined : lookups.map((l) => l.get(key)).find((d) => d !== undefined)
    if (definition === undefined)
      return { name: header, header, type: 'text', source: 'inferred', known: false }
    used.add(key)
    if (chosen?.byKey.has(key)) matched.push(definition.name)
    return { ...definition, header, known: true }
  })

  const keyPresent = KEY_FIELDS.every((k) => present.has(headerKey(k)))
  return {
    kind: chosen ? chosen.dictionary.kind : 'generic',
    matched,
    fields,
    keyFields: keyPresent ? (chosen?.dictionary.key ?? KEY_FIELDS) : [],
  }
}

function candidateFor(dictionary: KindDictionary, all: KindDictionary[], present: Set<string>): Candidate {
  const byKey = new Map(dictionary.fields.map((f) => [headerKey(f.name), f]))
  const elsewhere = new Set(
    all
      .filter((d) => d !== dictionary)
      .flatMap((d) => d.fields.filter((f) => !f.optional).map((f) => headerKey(f.name))),
  )
  const distinctive = dictionary.fields.filter(
    (f) => !f.common && !f.optional && !elsewhere.has(headerKey(f.name)),
  )
  const found = distinctive.filter((f) => present.has(headerKey(f.name))).length
  return {
    dictionary,
    byKey,
    signatureComplete: dictionary.signature.every((s) => present.has(headerKey(s))),
    share: distinctive.length === 0 ? 0 : found / distinctive.length,
    found,
  }
}

function commonFields(candidates: Candidate[]): Map<string, DictionaryField> {
  const common = new Map<string, DictionaryField>()
  for (const candidate of candidates) {
    for (const [key, field] of candidate.byKey) if (field.common && !common.has(key)) common.set(key, field)
  }
  return common
}

/** Every header name of the known export kinds, to help header detection find the header row. */
export function knownHeaders(dictionaries = loadKindDictionaries()): Set<string> {
  return new Set(dictionaries.flatMap((d) => d.fields.map((f) => f.name)))
}
