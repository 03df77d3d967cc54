/**
 * The catalogue's search: an indicator matches when its name, id, theme or a tag contains the query,
 * or when the pinyin initials (`bbl` → 不捕率) or full pinyin (`buqisu`) of its name contain it. Tag
 * chips narrow the list further (an indicator must carry every chosen tag). Pinyin comes from
 * pinyin-pro, computed once per name and cached.
 */
import { pinyin } from 'pinyin-pro'

export interface Searchable {
  id: string
  name: string
  theme: string
  tags: readonly string[]
}

interface Keys {
  initials: string
  full: string
}

const cache = new Map<string, Keys>()

/** Pinyin initials and full pinyin (no tones, no spaces, lower case) of a text; other characters kept. */
export function pinyinKeys(text: string): Keys {
  const cached = cache.get(text)
  if (cached) return cached
  const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' })
  const full = pinyin(text, { toneType: 'none', type: 'array', v: true })
  const keys = {
    initials: initials.join('').replace(/\s+/g, '').toLowerCase(),
    full: full.join('').replace(/\s+/g, '').toLowerCase(),
  }
  cache.set(text, keys)
  return keys
}

/** Lower-cased, trimmed, inner spaces removed: `B B L` and `bbl` search alike. */
export const normaliseQuery = (query: string) => query.trim().toLowerCase().replace(/\s+/g, '')

export function matchesQuery(item: Searchable, query: string): boolean {
  const q = normaliseQuery(query)
  if (q === '') return true
  const plain = [item.name, item.id, item.theme, ...item.tags].map((text) => text.toLowerCase())
  if (plain.some((text) => text.replace(/\s+/g, '').includes(q))) return true
  // Pinyin only for latin queries: a Chinese query that missed the texts above misses here too.
  if (!/^[a-z0-9]+$/.test(q)) return false
  return [item.name, ...item.tags].some((text) => {
    const keys = pinyinKeys(text)
    return keys.initials.includes(q) || keys.full.includes(q)
  })
}

export function matchesTags(item: Searchable, tags: readonly string[]): boolean {
  return tags.every((tag) => item.tags.includes(tag))
}

/** The indicators passing the search and every chosen tag, in their original order. */
export function filterCatalogue<T extends Searchable>(
  items: readonly T[],
  query: string,
  tags: readonly string[],
) {
  return items.filter((item) => matchesTags(item, tags) && matchesQuery(item, query))
}

/** Every tag in use, most frequent first (ties in code point order: stable, independent of ICU data). */
export function allTags(items: readonly Searchable[]): string[] {
  const counts = new Map<string, number>()
  for (const item of items) for (const tag of item.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1)
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([tag]) => tag)
}

export interface ThemeGroup<T> {
  theme: string
  items: T[]
}

/** Groups by theme, themes in order of first appearance (the library's order), items kept in order. */
export function groupByTheme<T extends Searchable>(items: readonly T[]): ThemeGroup<T>[] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const group = groups.get(item.theme)
    if (group) group.push(item)
    else groups.set(item.theme, [item])
  }
  return [...groups].map(([theme, grouped]) => ({ theme, items: grouped }))
}

/** Adds or removes a chip's tag. */
export function toggleTag(tags: readonly string[], tag: string): string[] {
  return tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag]
}
