/**
 * The template being edited as plain data, and the edits the editor makes to it: new templates and
 * copies (a built-in is read-only: 另存为 copies it under a new id), sections addressed by their index
 * path ([2] the third section, [2, 0] its first subsection), blocks added with sensible defaults,
 * removed and moved, ids kept unique.
 */
import type {
  ReportTemplateSummary,
  StoredReportTemplate,
} from '../../../../../shared/ipc/report-contract.ts'
import {
  BUILTIN_TEMPLATE_IDS,
  TEMPLATE_ID,
  walkSections,
  type Block,
  type BlockType,
  type ReportTemplate,
  type Section,
} from '../../../../../shared/reports/template.ts'

export type Draft = ReportTemplate

/** Index path of a section: [top-level index, subsection index, …]. */
export type SectionPath = readonly number[]

/** Sections may nest three levels deep (一、（一）1.). */
export const MAX_SECTION_DEPTH = 3

/** The template without the engine's `source` marker: what report/template/save takes. */
export function draftOf(template: StoredReportTemplate | ReportTemplate): Draft {
  const { source: _source, ...rest } = template as StoredReportTemplate
  return structuredClone(rest) as Draft
}

export const isBuiltinId = (id: string): boolean => (BUILTIN_TEMPLATE_IDS as readonly string[]).includes(id)

/** `base`, or `base-2`, `base-3` … : the first that is a valid template id nobody uses. */
export function uniqueTemplateId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  let stem = base
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-$/, '')
  if (stem.length < 2) stem = `report${stem}`
  stem = stem.slice(0, 34).replace(/-$/, '')
  const reserved = (id: string) => used.has(id) || isBuiltinId(id) || id === 'new'
  if (!reserved(stem) && TEMPLATE_ID.test(stem)) return stem
  for (let n = 2; ; n++) {
    const id = `${stem}-${n}`
    if (!reserved(id)) return id
  }
}

/** A new template: one section with one paragraph, ready to extend. */
export function newTemplate(taken: Iterable<string>): Draft {
  return {
    id: uniqueTemplateId('my-report', taken),
    name: '我的报告模板',
    description: '',
    title: '{单位}{期间}业务数据分析报告',
    periodHint: 'quarter',
    flagScope: 'period',
    cover: true,
    appendix: true,
    sections: [
      {
        id: 'overview',
        heading: '总体情况',
        blocks: [
          {
            type: 'narrative',
            id: 'overview-text',
            text: '{期间}，{单位}共受理审查逮捕、审查起诉犯罪嫌疑人{受理人数}，{受理人数|同比}。',
            unit: 'report',
            period: 'report',
          },
        ],
      },
    ],
  }
}

/** 另存为: a copy under a new id and name, editable and saved as the workspace's own. */
export function copyTemplate(template: Draft, taken: Iterable<string>): Draft {
  return {
    ...structuredClone(template),
    id: uniqueTemplateId(`${template.id}-copy`, taken),
    name: `${template.name}（副本）`.slice(0, 60),
  }
}

/** Every section and block id of a template. */
export function templateIds(template: Pick<Draft, 'sections'>): Set<string> {
  const ids = new Set<string>()
  for (const { section } of walkSections(template.sections)) {
    ids.add(section.id)
    for (const block of section.blocks) if (block.id) ids.add(block.id)
  }
  return ids
}

/** `prefix-1`, `prefix-2` …: the first id the template does not use yet. */
export function uniqueBlockId(template: Pick<Draft, 'sections'>, prefix: string): string {
  const ids = templateIds(template)
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`
    if (!ids.has(id)) return id
  }
}

/** A new block of a type, with defaults that validate against the built-in indicator library. */
export function newBlock(type: BlockType, template: Pick<Draft, 'sections'>): Block {
  const id = uniqueBlockId(template, BLOCK_ID_PREFIX[type])
  switch (type) {
    case 'narrative':
      return {
        type,
        id,
        text: '{期间}，{单位}不捕率{不捕率}，{不捕率|同比}，{不捕率|与均值比}。',
        unit: 'report',
        period: 'report',
      }
    case 'indicatorTable':
      return {
        type,
        id,
        title: '{单位简称}主要评价指标情况',
        indicators: ['不捕率', '不诉率', '诉前羁押率'],
        columns: ['current', 'lastYear', 'yoy', 'peerAverage', 'rank'],
      }
    case 'unitTable':
      return {
        type,
        id,
        title: '各{下级单位}主要指标情况',
        indicators: ['受理人数', '不捕率'],
        units: 'auto',
        sortBy: '受理人数',
        total: true,
      }
    case 'flagTable':
      return { type, id, title: '各单位数据质量核查情况', by: 'unit', limit: 20 }
    case 'trendChart':
      return {
        type,
        id,
        title: '{单位简称}受理人数月度走势',
        indicators: ['受理人数'],
        months: 12,
        lastYear: true,
      }
    case 'rankingChart':
      return { type, id, title: '各{下级单位}不捕率', indicator: '不捕率', units: 'auto' }
    case 'compositionChart':
      return {
        type,
        id,
        title: '{期间}审查逮捕审结人数构成',
        indicators: ['批捕人数', '不捕人数'],
        by: 'parts',
        units: 'auto',
      }
    case 'profileChart':
      return {
        type,
        id,
        title: '{单位简称}主要指标与{同级}平均水平对比',
        indicators: ['不捕率', '不诉率', '诉前羁押率'],
      }
    case 'flagChart':
      return { type, id, title: '核查问题分布', by: 'unit', limit: 15 }
    case 'problems':
      return {
        type,
        id,
        scope: 'both',
        limit: 8,
        thresholds: { countChange: 20, rateChange: 5, sigma: 2, minDenominator: 10 },
        empty: '从本期数据看，各项主要指标运行平稳，未发现明显异常。',
      }
    case 'suggestions':
      return { type, id, limit: 6, general: [] }
    case 'pageBreak':
      return { type, id }
  }
}

const BLOCK_ID_PREFIX: Record<BlockType, string> = {
  narrative: 'text',
  indicatorTable: 'table',
  unitTable: 'units',
  flagTable: 'flags',
  trendChart: 'trend',
  rankingChart: 'ranking',
  compositionChart: 'composition',
  profileChart: 'profile',
  flagChart: 'flag-chart',
  problems: 'problems',
  suggestions: 'suggestions',
  pageBreak: 'break',
}

export function newSection(template: Pick<Draft, 'sections'>): Section {
  return { id: uniqueBlockId(template, 'section'), heading: '新的部分', blocks: [] }
}

/** The section at a path; undefined when there is none. */
export function sectionAt(template: Pick<Draft, 'sections'>, path: SectionPath): Section | undefined {
  let list: readonly Section[] = template.sections
  let found: Section | undefined
  for (const index of path) {
    found = list[index]
    if (!found) return undefined
    list = found.sections ?? []
  }
  return found
}

/** The list a path's section sits in, replaced by `edit` (immutably, with all ancestors). */
function editList(
  sections: readonly Section[],
  parentPath: SectionPath,
  edit: (list: Section[]) => Section[],
): Section[] {
  if (parentPath.length === 0) return edit([...sections])
  const [head, ...rest] = parentPath
  return sections.map((section, i) =>
    i === head ? { ...section, sections: editList(section.sections ?? [], rest, edit) } : section,
  )
}

export function updateSection<T extends Pick<Draft, 'sections'>>(
  template: T,
  path: SectionPath,
  edit: (section: Section) => Section,
): T {
  if (path.length === 0) return template
  const parent = path.slice(0, -1)
  const index = path[path.length - 1]
  return {
    ...template,
    sections: editList(template.sections, parent, (list) =>
      list.map((section, i) => (i === index ? edit(section) : section)),
    ),
  }
}

/** Adds a section at the end of the top level (parent null) or of a section's subsections. */
export function addSection<T extends Pick<Draft, 'sections'>>(template: T, parent: SectionPath | null): T {
  const section = newSection(template)
  if (parent === null) return { ...template, sections: [...template.sections, section] }
  return updateSection(template, parent, (s) => ({ ...s, sections: [...(s.sections ?? []), section] }))
}

export function removeSection<T extends Pick<Draft, 'sections'>>(template: T, path: SectionPath): T {
  const parent = path.slice(0, -1)
  const index = path[path.length - 1]
  const sections = editList(template.sections, parent, (list) => list.filter((_, i) => i !== index))
  // An emptied subsection list is dropped rather than written as [].
  return {
    ...template,
    sections: parent.length === 0 ? sections : pruneEmpty(sections),
  }
}

function pruneEmpty(sections: Section[]): Section[] {
  return sections.map((section) => {
    if (!section.sections) return section
    if (section.sections.length === 0) {
      const { sections: _sections, ...rest } = section
      return rest
    }
    return { ...section, sections: pruneEmpty(section.sections) }
  })
}

/** Moves an item of a list by `delta` places (clamped); the same list when it cannot move. */
export function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, index + delta))
  if (target === index || index < 0 || index >= list.length) return [...list]
  const next = [...list]
  const [item] = next.splice(index, 1)
  next.splice(target, 0, item)
  return next
}

export function moveSection<T extends Pick<Draft, 'sections'>>(
  template: T,
  path: SectionPath,
  delta: number,
): T {
  const parent = path.slice(0, -1)
  const index = path[path.length - 1]
  return { ...template, sections: editList(template.sections, parent, (list) => move(list, index, delta)) }
}

export function updateBlock<T extends Pick<Draft, 'sections'>>(
  template: T,
  path: SectionPath,
  index: number,
  block: Block,
): T {
  return updateSection(template, path, (s) => ({
    ...s,
    blocks: s.blocks.map((b, i) => (i === index ? block : b)),
  }))
}

/** Inserts a block at `index` (the end when it is past the last block). */
export function insertBlock<T extends Pick<Draft, 'sections'>>(
  template: T,
  path: SectionPath,
  index: number,
  block: Block,
): T {
  return updateSection(template, path, (s) => {
    const blocks = [...s.blocks]
    blocks.splice(Math.max(0, Math.min(index, blocks.length)), 0, block)
    return { ...s, blocks }
  })
}

export function removeBlock<T extends Pick<Draft, 'sections'>>(
  template: T,
  path: SectionPath,
  index: number,
): T {
  return updateSection(template, path, (s) => ({ ...s, blocks: s.blocks.filter((_, i) => i !== index) }))
}

export function moveBlock<T extends Pick<Draft, 'sections'>>(
  template: T,
  path: SectionPath,
  index: number,
  delta: number,
): T {
  return updateSection(template, path, (s) => ({ ...s, blocks: move(s.blocks, index, delta) }))
}

/** The problem path of a section: [2, 0] → 'sections.2.sections.0'. */
export const sectionPathText = (path: SectionPath): string =>
  path.map((index) => `sections.${index}`).join('.')

/** Whether the draft differs from what was saved (null: never saved). */
export const isDirty = (saved: Draft | null, draft: Draft): boolean =>
  saved === null || JSON.stringify(saved) !== JSON.stringify(draft)

export interface LocalProblem {
  path: string
  message: string
}

/**
 * What the editor checks itself before the engine is asked: the id must be free (a new template or
 * one saved under another id must not overwrite another template) and must not be a built-in's.
 */
export function localProblems(
  draft: Pick<Draft, 'id'>,
  savedId: string | null,
  templates: readonly Pick<ReportTemplateSummary, 'id' | 'name'>[],
): LocalProblem[] {
  if (isBuiltinId(draft.id) || draft.id === 'new') {
    return draft.id === savedId
      ? []
      : [{ path: 'id', message: `“${draft.id}”是保留的编号（内置模板），请换一个编号` }]
  }
  if (draft.id !== savedId) {
    const other = templates.find((t) => t.id === draft.id)
    if (other) return [{ path: 'id', message: `编号“${draft.id}”已被模板“${other.name}”使用` }]
  }
  return []
}

/** A placeholder as written in template text: `{名称}`, `{名称|属性}`, `{件数+人数|同比}` (值 is implied). */
export function placeholderText(names: readonly string[], property = '值'): string {
  const name = names.filter((n) => n.trim() !== '').join('+')
  return property === '值' || property === '' ? `{${name}}` : `{${name}|${property}}`
}

/** `text` with `insert` put in place of the selection [start, end) (clamped to the text). */
export function insertAt(text: string, insert: string, start: number, end = start): string {
  const from = Math.max(0, Math.min(text.length, start))
  const to = Math.max(from, Math.min(text.length, end))
  return text.slice(0, from) + insert + text.slice(to)
}
