import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { navPageOf, parseRoute, routeHash } from '../../../renderer/src/app/routes.ts'
import {
  addSection,
  copyTemplate,
  draftOf,
  insertAt,
  insertBlock,
  isDirty,
  localProblems,
  moveBlock,
  moveSection,
  newBlock,
  newTemplate,
  placeholderText,
  removeBlock,
  removeSection,
  sectionAt,
  sectionPathText,
  templateIds,
  uniqueTemplateId,
  updateSection,
} from '../../../renderer/src/pages/reports/editor/templateDraft.ts'
import {
  controlPaths,
  pathLabel,
  placeProblems,
  problemsBelow,
} from '../../../renderer/src/pages/reports/editor/templateProblems.ts'
import { BLOCK_TYPE_NAMES, templateSchema, type BlockType } from '../../../shared/reports/template.ts'

const quarterly = templateSchema.parse(
  JSON.parse(
    fs.readFileSync(path.join(import.meta.dirname, '../../../resources/reports/quarterly.json'), 'utf8'),
  ),
)

describe('template editor routes', () => {
  it('opens a template or a new one under 分析报告', () => {
    expect(parseRoute('#/reports/templates/new')).toEqual({ page: 'reportTemplate', templateId: null })
    expect(parseRoute('#/reports/templates/my-report-2')).toEqual({
      page: 'reportTemplate',
      templateId: 'my-report-2',
    })
    expect(parseRoute('#/reports/templates/Bad_Id')).toEqual({ page: 'reports' })
    expect(parseRoute('#/reports')).toEqual({ page: 'reports' })
    for (const templateId of [null, 'quarterly']) {
      const route = { page: 'reportTemplate' as const, templateId }
      expect(parseRoute(routeHash(route))).toEqual(route)
      expect(navPageOf(route)).toBe('reports')
    }
  })
})

describe('template drafts', () => {
  it('makes new templates and copies that validate, under free ids', () => {
    const fresh = newTemplate(['my-report'])
    expect(fresh.id).toBe('my-report-2')
    expect(templateSchema.safeParse(fresh).success).toBe(true)
    const copy = copyTemplate(quarterly, ['quarterly', 'quarterly-copy'])
    expect(copy.id).toBe('quarterly-copy-2')
    expect(copy.name).toBe('季度业务数据分析研判报告（副本）')
    expect(copy.sections).toEqual(quarterly.sections)
    expect(copy.sections).not.toBe(quarterly.sections)
    expect(templateSchema.safeParse(copy).success).toBe(true)
    expect(draftOf({ ...quarterly, source: 'builtin' })).not.toHaveProperty('source')
  })

  it('turns any text into a valid template id that is not reserved', () => {
    expect(uniqueTemplateId('My Report!', [])).toBe('my-report')
    expect(uniqueTemplateId('annual', [])).toBe('annual-2')
    expect(uniqueTemplateId('new', [])).toBe('new-2')
    expect(uniqueTemplateId('9', [])).toMatch(/^[a-z][a-z0-9-]{1,39}$/)
    expect(uniqueTemplateId('x'.repeat(60), [])).toHaveLength(34)
  })

  it('gives every block type defaults that validate and an unused id', () => {
    for (const type of Object.keys(BLOCK_TYPE_NAMES) as BlockType[]) {
      const block = newBlock(type, quarterly)
      const template = insertBlock(quarterly, [0], 0, block)
      expect(templateSchema.safeParse(template).success, type).toBe(true)
      if (block.id) expect(templateIds(quarterly).has(block.id)).toBe(false)
    }
  })

  it('adds, moves and removes sections and blocks by index path', () => {
    let t = addSection(quarterly, [1])
    const added = sectionAt(t, [1, (quarterly.sections[1].sections ?? []).length])
    expect(added?.heading).toBe('新的部分')
    t = moveSection(t, [0], 1)
    expect(t.sections[1].id).toBe(quarterly.sections[0].id)
    t = updateSection(t, [1], (s) => ({ ...s, heading: '总体' }))
    expect(t.sections[1].heading).toBe('总体')
    t = moveBlock(t, [1], 0, 1)
    expect(t.sections[1].blocks[1].id).toBe(quarterly.sections[0].blocks[0].id)
    t = removeBlock(t, [1], 1)
    expect(t.sections[1].blocks).toHaveLength(quarterly.sections[0].blocks.length - 1)
    // Removing the last subsection drops the empty list.
    const one = addSection({ sections: [{ id: 'a', heading: 'A', blocks: [] }] }, [0])
    expect(removeSection(one, [0, 0]).sections[0]).not.toHaveProperty('sections')
    expect(quarterly.sections[0].heading).toBe('总体情况')
    expect(sectionPathText([2, 0])).toBe('sections.2.sections.0')
  })

  it('writes placeholders and inserts them at the cursor', () => {
    expect(placeholderText(['不捕率'])).toBe('{不捕率}')
    expect(placeholderText(['不捕率'], '同比')).toBe('{不捕率|同比}')
    expect(placeholderText(['审查逮捕受理件数', '审查逮捕受理人数'], '同比')).toBe(
      '{审查逮捕受理件数+审查逮捕受理人数|同比}',
    )
    expect(insertAt('受理，同比。', '{受理人数}', 2)).toBe('受理{受理人数}，同比。')
    expect(insertAt('abc', 'X', 1, 2)).toBe('aXc')
    expect(insertAt('abc', 'X', 99)).toBe('abcX')
  })

  it('refuses ids of built-ins and of other templates', () => {
    const templates = [
      { id: 'quarterly', name: '季度' },
      { id: 'mine', name: '我的' },
    ]
    expect(localProblems({ id: 'quarterly' }, null, templates)[0].path).toBe('id')
    expect(localProblems({ id: 'mine' }, null, templates)[0].message).toContain('我的')
    expect(localProblems({ id: 'mine' }, 'mine', templates)).toEqual([])
    expect(localProblems({ id: 'fresh' }, 'mine', templates)).toEqual([])
    expect(isDirty(null, quarterly)).toBe(true)
    expect(isDirty(quarterly, structuredClone(quarterly))).toBe(false)
  })
})

describe('template problems', () => {
  it('places each problem at its control or nearest ancestor', () => {
    const controls = controlPaths(quarterly)
    expect(controls.has('sections.0.blocks.0.text')).toBe(true)
    expect(controls.has('sections.1.sections.0.heading')).toBe(true)
    const placed = placeProblems(
      [
        { path: 'sections.0.blocks.0.text', message: 'a' },
        { path: 'sections.0.blocks.3.indicators.1', message: 'b' },
        { path: 'title', message: 'c' },
        { path: 'weird.thing', message: 'd' },
      ],
      quarterly,
    )
    expect(placed.get('sections.0.blocks.0.text')?.[0].message).toBe('a')
    expect(placed.get('sections.0.blocks.3.indicators')?.[0].message).toBe('b')
    expect(placed.get('title')?.[0].message).toBe('c')
    expect(placed.get('')?.[0].message).toBe('d')
    expect(problemsBelow(placed, 'sections.0.blocks.0')).toBe(1)
    expect(problemsBelow(placed, 'sections.0')).toBe(2)
  })

  it('says in words where a path is', () => {
    expect(pathLabel('sections.0.blocks.0.text', quarterly)).toBe('部分“总体情况”·第 1 块（文字段落）·文字')
    expect(pathLabel('sections.1.sections.0.heading', quarterly)).toBe(
      '部分“各条线运行情况”·部分“审查逮捕工作”·标题',
    )
    expect(pathLabel('sections.0.blocks.4.indicators.2', quarterly)).toBe(
      '部分“总体情况”·第 5 块（单位排名表）·指标第 3 项',
    )
    expect(pathLabel('name', quarterly)).toBe('模板名称')
    expect(pathLabel('', quarterly)).toBe('模板')
    expect(pathLabel('sections.9.heading', quarterly)).toBe('第 10 部分·标题')
  })
})
