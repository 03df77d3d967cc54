/**
 * The analyst's edits of narrative paragraphs (paragraph id → text), kept per template, unit and
 * period (paragraph ids are stable for those, see ParagraphBlock.id) in this tab's sessionStorage,
 * and applied to a built report for the preview exactly as the engine applies them to the export.
 */
import type { ParagraphBlock, ReportBlock, ReportModel } from '../../../../shared/reports/report-model.ts'

export type Overrides = Readonly<Record<string, string>>

/** Longest paragraph the contract accepts as an override. */
export const MAX_OVERRIDE_LENGTH = 20_000

/** Which report the edits belong to. */
export const overridesKey = (template: string, unit: string, period: string): string =>
  `${template}|${unit}|${period}`

/**
 * The overrides after the analyst finished editing a paragraph: text equal to what the report
 * generated (or only whitespace apart from it) is no edit at all; empty text is refused by the UI.
 */
export function withOverride(overrides: Overrides, id: string, text: string, original: string): Overrides {
  const rest = withoutOverride(overrides, id)
  if (text.trim() === original.trim()) return rest
  return { ...rest, [id]: text }
}

export function withoutOverride(overrides: Overrides, id: string): Overrides {
  if (!(id in overrides)) return overrides
  const next = { ...overrides }
  delete next[id]
  return next
}

/** A paragraph as the preview shows it: the generated text, or the analyst's. */
export function applyOverride(block: ParagraphBlock, overrides: Overrides): ParagraphBlock {
  const override = overrides[block.id]
  const original = block.original
  if (override === undefined) return { ...block, text: original, edited: false }
  return { ...block, text: override, edited: override !== original }
}

/** Every paragraph of the model with the current overrides (built without them or with older ones). */
export function applyOverrides(blocks: readonly ReportBlock[], overrides: Overrides): ReportBlock[] {
  return blocks.map((block) => (block.kind === 'paragraph' ? applyOverride(block, overrides) : block))
}

/** Overrides whose paragraph the report no longer has (the data or the template changed). */
export function unusedOverrides(model: Pick<ReportModel, 'blocks'>, overrides: Overrides): string[] {
  const ids = new Set(model.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.id] : [])))
  return Object.keys(overrides).filter((id) => !ids.has(id))
}

export const editedCount = (model: Pick<ReportModel, 'blocks'>, overrides: Overrides): number =>
  Object.keys(overrides).length - unusedOverrides(model, overrides).length

const STORAGE_KEY = 'yanpan.reports.overrides'

type Store = Record<string, Record<string, string>>

function readStore(storage: Pick<Storage, 'getItem'> | null): Store {
  try {
    const raw = storage?.getItem(STORAGE_KEY)
    if (!raw) return {}
    const value: unknown = JSON.parse(raw)
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return {}
    const store: Store = {}
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue
      const texts = Object.entries(entry as Record<string, unknown>).filter(
        (pair): pair is [string, string] => typeof pair[1] === 'string',
      )
      if (texts.length > 0) store[key] = Object.fromEntries(texts)
    }
    return store
  } catch {
    return {}
  }
}

/** The edits kept for one report ({} when none). */
export function loadOverrides(storage: Pick<Storage, 'getItem'> | null, key: string): Overrides {
  return readStore(storage)[key] ?? {}
}

/** Keeps (or, when empty, forgets) the edits of one report. */
export function saveOverrides(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
  key: string,
  overrides: Overrides,
): void {
  const store = readStore(storage)
  if (Object.keys(overrides).length === 0) delete store[key]
  else store[key] = { ...overrides }
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(store))
  } catch {
    // A full storage only loses the edits on reload; the page keeps them in memory.
  }
}
